"""@actes: an act and its envelope checked before their transmission to the prefecture.

The act is fixtures/documents/extrait-communautaire.pdf, whose text (the .txt beside it) reads
"EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL COMMUNAUTAIRE", "Séance du mardi 5 décembre
2023", "N° DE_2023_087", "Objet : Adhésion au syndicat mixte de l'eau potable".
"""

from __future__ import annotations

import json
import textwrap

import pytest

from helpers import DOCUMENTS, SEED_PDF, SHARED, run_cli

ACT = DOCUMENTS / "extrait-communautaire.pdf"
SUBJECT = "Adhésion au syndicat mixte de l'eau potable"
XSD = SHARED / "schemas" / "actes" / "actesv1_1.xsd"
PNG_HEAD = b"\x89PNG\r\n\x1a\n"

pytestmark = pytest.mark.skipif(not XSD.is_file(), reason="the shared schemas are not beside the repository")


@pytest.fixture(autouse=True)
def _schemas(monkeypatch):
    monkeypatch.setenv("ENT_LINT_SCHEMAS", str(SHARED / "schemas"))


def _envelope(path, **values):
    fields = {"numero": "DE_2023_087", "objet": SUBJECT, "nature": 1, "matiere": "8.8", "date": "2023-12-05"}
    fields.update(values)
    lines = [f"{key} = {json.dumps(value, ensure_ascii=False) if isinstance(value, str) else value}"
             for key, value in fields.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _annexes(folder):
    """A readable PDF and a small PNG."""
    png = folder / "plan.png"
    png.write_bytes(PNG_HEAD + b"\x00" * 64)
    return [DOCUMENTS / "convention-defauts.pdf", png]


def _findings(*args):
    run = run_cli("actes", "--format", "json", "--lang", "en", *args)
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)["findings"], run.returncode


def test_a_correct_envelope_gives_nothing(tmp_path):
    findings, code = _findings(ACT, *_annexes(tmp_path), "--envelope", _envelope(tmp_path / "envelope.toml"))
    assert findings == [] and code == 0


def test_the_same_envelope_given_as_options(tmp_path):
    findings, code = _findings(ACT, "--numero", "DE_2023_087", "--objet", SUBJECT, "--nature", "1",
                               "--matiere", "8.8", "--date", "2023-12-05")
    assert findings == [] and code == 0


def test_each_defect_of_an_envelope_gives_one_finding(tmp_path):
    corrupt = tmp_path / "deliberation-annexe.pdf"
    corrupt.write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 100)
    heavy = tmp_path / "scan.png"
    with open(heavy, "wb") as handle:  # a sparse file: 151 MB on the file system, nothing written
        handle.write(PNG_HEAD)
        handle.truncate(151 * 1024 * 1024)
    long_subject = SUBJECT + " " + "x" * (600 - len(SUBJECT) - 1)
    envelope = _envelope(tmp_path / "envelope.toml", numero="de_2023_087", objet=long_subject, nature=2, matiere="9.9")
    findings, code = _findings(ACT, corrupt, heavy, "--envelope", envelope)
    assert code == 1
    assert sorted(f["code"] for f in findings) == [
        "actes-annex/corrupt", "actes-matiere/unknown", "actes-nature/kind", "actes-number/pattern",
        "actes-size/total", "actes-subject/length"]
    by_code = {f["code"]: f for f in findings}
    assert by_code["actes-subject/length"]["args"]["length"] == 600
    assert by_code["actes-nature/kind"]["message"] == ("nature 2 (AR) is given for an extract of the register, "
                                                      "which is nature 1 (DE)")
    assert by_code["actes-annex/corrupt"]["path"] == str(corrupt)
    assert by_code["actes-size/total"]["args"]["megabytes"].startswith("151.")
    assert by_code["actes-number/pattern"]["fix"].endswith("DE_2023_087")


@pytest.mark.parametrize("subject, codes", [
    ("x" * 499, []), ("x" * 500, ["length"]), ("", ["missing"]), ("Adhésion\nau syndicat", ["lines"])])
def test_the_subject_limits(subject, codes):
    from ent_lint.actes import ActesSubject, Classification, Envelope, Transmission

    sent = Transmission(Envelope(subject=subject), str(ACT), [], Classification())
    assert [h.code for h in ActesSubject().check_envelope(sent)] == codes


@pytest.mark.parametrize("number, code", [
    ("DE_2023_087", None), ("A", None), ("A" * 15, None), ("A" * 16, "pattern"), ("de_2023_087", "pattern"),
    ("2023/11/27-31", "pattern"), ("_DE2023", "loose"), ("", "missing")])
def test_the_number_pattern(number, code):
    from ent_lint.actes import ActesNumber, Classification, Envelope, Transmission

    sent = Transmission(Envelope(number=number), str(ACT), [], Classification())
    assert [h.code for h in ActesNumber().check_envelope(sent)] == ([code] if code else [])


def test_the_envelope_against_the_act(tmp_path):
    envelope = _envelope(tmp_path / "envelope.toml", numero="DE_2023_078", date="2023-12-06",
                         objet="Adhésion au syndicat des transports")
    findings, _ = _findings(ACT, "--envelope", envelope)
    assert sorted(f["code"] for f in findings) == ["actes-mismatch/date", "actes-mismatch/number",
                                                   "actes-mismatch/subject"]
    for finding in findings:
        assert finding["path"] == str(ACT) and finding["line"] is not None  # pointing at the act's text


def test_the_number_a_council_writes_is_the_acts_without_its_separators(tmp_path):
    # the seed's "N° 2023/11/27-31": as it stands, not an @actes number; as 2023_11_27_31, the act's
    findings, _ = _findings(SEED_PDF, "--numero", "2023/11/27-31")
    assert [f["code"] for f in findings if f["rule"] in ("actes-number", "actes-mismatch")] == ["actes-number/pattern"]
    findings, _ = _findings(SEED_PDF, "--numero", "2023_11_27_31")
    assert [f for f in findings if f["rule"] in ("actes-number", "actes-mismatch")] == []


def test_a_number_only_the_looser_platform_takes_is_noted(tmp_path):
    findings, _ = _findings(ACT, "--envelope", _envelope(tmp_path / "e.toml", numero="DE_2023_087_"))
    assert [(f["code"], f["message"]) for f in findings] == [
        ("actes-number/loose", "act number 'DE_2023_087_' starts or ends with '_': Pastell takes it, S²LOW refuses it")]


def test_a_main_file_that_is_not_a_readable_pdf(tmp_path):
    broken = tmp_path / "acte.pdf"
    broken.write_bytes(ACT.read_bytes()[:200])
    findings, _ = _findings(broken, "--envelope", _envelope(tmp_path / "e.toml"))
    assert "actes-main-file/corrupt" in [f["code"] for f in findings]
    findings, _ = _findings(DOCUMENTS / "extrait-communautaire.txt", "--envelope", _envelope(tmp_path / "e.toml"))
    assert "actes-main-file/type" in [f["code"] for f in findings]


def test_the_size_rule_reads_no_file(tmp_path, monkeypatch):
    """The total is the sizes the file system gives: a file is not opened for it."""
    import builtins

    from ent_lint.actes import ActesSize, Classification, Envelope, Transmission

    heavy = tmp_path / "scan.png"
    with open(heavy, "wb") as handle:
        handle.truncate(151 * 1024 * 1024)
    sent = Transmission(Envelope(), str(ACT), [str(heavy)], Classification())

    def no_open(*args, **kwargs):
        raise AssertionError("a file was opened")

    monkeypatch.setattr(builtins, "open", no_open)
    hits = list(ActesSize().check_envelope(sent))
    monkeypatch.undo()
    assert [h.code for h in hits] == ["total"]
    assert heavy.stat().st_blocks * 512 < 1024 * 1024  # and it is sparse indeed: less than 1 MB used


def _xml_envelope(path, numero="DE_2023_087", objet=SUBJECT, extra=""):
    path.write_text(textwrap.dedent(f"""\
        <?xml version="1.0" encoding="UTF-8"?>
        <actes:Acte xmlns:actes="http://www.interieur.gouv.fr/ACTES#v1.1-20040216"
                    actes:Date="2023-12-05" actes:NumeroInterne="{numero}" actes:CodeNatureActe="1">
          <actes:CodeMatiere1 actes:CodeMatiere="8"/>
          <actes:CodeMatiere2 actes:CodeMatiere="8"/>
          <actes:Objet>{objet}</actes:Objet>{extra}
          <actes:ClassificationDateVersion>2004-04-01</actes:ClassificationDateVersion>
          <actes:Document><actes:NomFichier>{ACT.name}</actes:NomFichier></actes:Document>
          <actes:Annexes actes:Nombre="0"/>
          <actes:DocumentPapier>N</actes:DocumentPapier>
        </actes:Acte>
        """), encoding="utf-8")
    return path


def test_an_actes_xml_envelope(tmp_path):
    findings, code = _findings(ACT, "--envelope", _xml_envelope(tmp_path / "acte.xml"))
    assert findings == [] and code == 0
    findings, _ = _findings(ACT, "--envelope", _xml_envelope(tmp_path / "acte.xml", numero="de_2023_087"))
    assert [f["code"] for f in findings] == ["actes-number/pattern"]


def test_an_xml_envelope_not_valid_against_the_xsd_is_a_clear_error(tmp_path):
    # NumeroInterne is 15 characters at most (actesv1_1.xsd)
    invalid = _xml_envelope(tmp_path / "acte.xml", numero="DE_2023_087_0123456")
    run = run_cli("actes", ACT, "--envelope", invalid)
    assert run.returncode == 2 and run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "not valid against actesv1_1.xsd" in lines[0] and "acte.xml" in lines[0]
    # an element the schema does not know
    run = run_cli("actes", ACT, "--envelope", _xml_envelope(tmp_path / "b.xml", extra="<actes:Urgence/>"))
    assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1


def test_a_prefectures_own_classification(tmp_path):
    own = tmp_path / "classification.xml"
    text = (SHARED / "schemas" / "actes" / "classification.xml").read_text(encoding="iso-8859-1")
    own.write_text(text.replace('<actes:Matiere2 actes:CodeMatiere="4" actes:Libelle="Voeux et motions" />',
                                '<actes:Matiere2 actes:CodeMatiere="4" actes:Libelle="Voeux et motions" />'
                                '<actes:Matiere2 actes:CodeMatiere="9" actes:Libelle="Local" />'),
                   encoding="iso-8859-1")
    envelope = _envelope(tmp_path / "e.toml", matiere="9.9")
    assert [f["code"] for f in _findings(ACT, "--envelope", envelope)[0]] == ["actes-matiere/unknown"]
    assert _findings(ACT, "--envelope", envelope, "--classification", own)[0] == []
