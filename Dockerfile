# ent-lint with tesseract and its French data: docker build -t ent-lint . && docker run --rm -v "$PWD:/work" ent-lint
FROM python:3.11-slim
COPY scripts/install-system-deps.sh /tmp/install-system-deps.sh
RUN sh /tmp/install-system-deps.sh && rm /tmp/install-system-deps.sh
COPY . /src
RUN pip install --no-cache-dir /src && rm -rf /src
WORKDIR /work
ENTRYPOINT ["ent-lint"]
