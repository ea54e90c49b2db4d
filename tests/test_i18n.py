"""French by default, English on request: the catalogues, the rendering of findings, the command
line, the fingerprints across languages, and the web page in Chromium."""

from __future__ import annotations

import datetime as dt
import json
import string
import textwrap

import pytest
from babel.messages.pofile import read_po
from helpers import ROOT, SEED_TXT, run_cli

from ent_lint import i18n, reference
from ent_lint.engine import Message, discover
from ent_lint.findings import Finding
from ent_lint.linter import Linter
from ent_lint.text import fold

LOCALE = ROOT / "ent_lint" / "locale"
NBSP = "\u00a0"


def _catalogue(domain: str = i18n.DOMAIN):
    with open(LOCALE / "fr" / "LC_MESSAGES" / f"{domain}.po", "rb") as handle:
        return read_po(handle, locale="fr")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _rule_messages():
    for cls in discover().values():
        for name, message in cls.messages.items():
            yield f"{cls.id}/{name}", message


# --- the catalogues ---------------------------------------------------------------------------

def test_every_rule_message_fix_and_summary_has_a_french_translation_with_the_same_placeholders():
    catalogue = _catalogue()
    problems = []
    for code, message in _rule_messages():
        msgid = (message.text, message.plural) if message.plural else message.text
        entry = catalogue.get(msgid)
        forms = entry.string if entry else None
        forms = (forms,) if isinstance(forms, str) else tuple(forms or ())
        if not forms or not all(forms):
            problems.append(f"{code}: no French for {message.text!r}")
            continue
        for form in forms:
            if _fields(form) != _fields(message.text):
                problems.append(f"{code}: placeholders {sorted(_fields(form))} != {sorted(_fields(message.text))}")
        if message.plural and _fields(message.plural) != _fields(message.text):
            problems.append(f"{code}: the English plural has other placeholders")
        if message.fix:
            fix = catalogue.get(message.fix)
            if not fix or not fix.string:
                problems.append(f"{code}: no French for the fix {message.fix!r}")
            elif _fields(fix.string) != _fields(message.fix):
                problems.append(f"{code}: fix placeholders differ")
    for cls in discover().values():
        for text in (cls.summary, cls.source):
            entry = catalogue.get(text)
            if not entry or not entry.string:
                problems.append(f"{cls.id}: no French for {text!r}")
    assert not problems, "\n".join(problems)


def test_every_marked_string_is_translated_with_the_same_placeholders():
    untranslated = []
    for entry in _catalogue():
        if not entry.id:
            continue
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        forms = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if not all(forms):
            untranslated.append(ids[0])
        elif any(_fields(form) != _fields(ids[0]) for form in forms):
            untranslated.append(f"{ids[0]} (placeholders)")
    assert not untranslated, untranslated


def test_a_count_in_a_template_has_its_plural_form():
    """Every template whose count argument can be 1 says so: no "1 pages", "1 abstentions"."""
    for code, message in _rule_messages():
        if message.plural:
            assert message.count in _fields(message.text), code
    counted = {"page-count/pages", "convocation-delay/short", "unanimity-with-dissent/against",
               "vote-total/total", "voter-count/mismatch", "missing-signature/parties", "quorum/not-reached",
               "present-count/mismatch", "proxy-count/mismatch", "proxies-exceed-absent/exceed"}
    messages = dict(_rule_messages())
    assert all(messages[code].plural for code in counted)


def test_french_typography_in_the_french_texts():
    for entry in _catalogue():
        forms = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        for form in forms:
            assert "« " not in form and " »" not in form, form
            for mark in ":;!?":
                assert f" {mark}" not in form, form
    assert "«\u00a0{residue}\u00a0»" in i18n.translations("fr").gettext(
        "a choice or blank of the model left as it was: « {residue} »")


def test_the_committed_mo_files_are_compiled_from_the_po_files(tmp_path):
    written = i18n.compile_catalogues(LOCALE, tmp_path)
    assert {p.name for p in written} >= {"ent_lint.mo"}
    for fresh in written:
        committed = LOCALE / fresh.relative_to(tmp_path)
        assert committed.is_file(), f"{committed} is missing: run python -m ent_lint.i18n compile"
        assert fresh.read_bytes() == committed.read_bytes(), \
            f"{committed} is stale: run python -m ent_lint.i18n compile"


def test_the_extracted_template_holds_the_rules_and_the_marked_strings():
    template = i18n.build_template()
    ids = {entry.id if isinstance(entry.id, str) else entry.id[0] for entry in template}
    assert "timed out after {seconds} s (see --timeout)" in ids  # marked in linter.py
    assert "{n} file checked" in ids  # ngettext in report.py
    assert "the quorum" in ids  # a subject of rules/references/_articles.py
    for code, message in _rule_messages():
        assert message.text in ids, code


# --- rendering --------------------------------------------------------------------------------

def test_plural_forms_in_both_languages():
    message = Message("the convention states {stated} page but has {actual}",
                      plural="the convention states {stated} pages but has {actual}", count="stated")
    assert i18n.format_message(message, {"stated": 1, "actual": 2}, "en")[0] == "the convention states 1 page but has 2"
    assert i18n.format_message(message, {"stated": 3, "actual": 2}, "en")[0] == "the convention states 3 pages but has 2"
    assert i18n.format_message(message, {"stated": 1, "actual": 2}, "fr")[0] == "la convention annonce 1 page mais en compte 2"
    assert i18n.format_message(message, {"stated": 3, "actual": 2}, "fr")[0] == "la convention annonce 3 pages mais en compte 2"


def test_a_count_that_a_plural_does_not_follow_reads_right_for_one_and_for_more():
    short = dict(_rule_messages())["convocation-delay/short"]
    for clear, required, said in ((0, 1, "0 jour franc"), (2, 3, "2 jours francs")):
        args = {"clear": clear, "sent": "2024-05-13", "sitting": "2024-05-16", "required": required}
        text = i18n.format_message(short, args, "fr")[0]
        assert text.startswith(said) and text.endswith(f"{NBSP}; il en faut {required}"), text


def test_a_french_preposition_contracts_with_the_article_of_the_term_after_it():
    doubt = dict(_rule_messages())["unreadable-part/doubt"]
    said = {"the number of voters": "lecture peu sûre du nombre de votants (",
            "the list of members present": "lecture peu sûre de la liste des présents ("}
    for part, start in said.items():
        text = i18n.format_message(doubt, {"part": part, "reason": "the list ends with « … » or « etc. »: it does not"
                                                                     " name everyone"}, "fr")[0]
        assert text.startswith(start) and "\u2063" not in text, text
    assert i18n._contracted("à \u2063les membres, de \u2063les pouvoirs") == "aux membres, des pouvoirs"
    # a "de le" of the template itself, before a verb, is no article
    assert i18n.Formatter("fr").format("afin de le signer") == "afin de le signer"


def test_dates_are_written_as_each_reader_writes_them():
    assert i18n.format_date("2024-03-14", "fr") == "14 mars 2024"
    assert i18n.format_date("2024-03-01", "fr") == "1er mars 2024"
    assert i18n.format_date(dt.date(2024, 3, 14), "en") == "March 14, 2024"
    weekday = dict(_rule_messages())["weekday-mismatch/other-day"]
    args = {"day": "2023-11-27", "actual": "lundi", "written": "mardi"}
    assert i18n.format_message(weekday, args, "fr") == (
        f"le 27 novembre 2023 était un lundi, et non un «{NBSP}mardi{NBSP}»",
        f"écrire «{NBSP}lundi 27 novembre 2023{NBSP}»")
    # the fix quotes what to write in the (French) act, in English too
    assert i18n.format_message(weekday, args, "en") == ("November 27, 2023 was a Monday, not « mardi »",
                                                        "write « lundi 27 novembre 2023 »")


def test_a_finding_is_rendered_from_its_code_and_arguments_and_an_unknown_code_as_written():
    finding = Finding(rule="uai-checksum", severity="error", message="UAI 0831475X: the check letter should be C",
                      path="x.txt", code="uai-checksum/letter", args={"uai": "0831475X", "expected": "C",
                                                                       "digits": "0831475"})
    assert i18n.finding_text(finding, "fr") == ("numéro UAI 0831475X\u00a0: la lettre de contrôle devrait être C",
                                                "0831475C")
    assert i18n.finding_text(finding, "en")[0] == finding.message
    pack = Finding(rule="x", severity="info", message="a rule pack's own sentence", path="x.txt", code="x/text")
    assert i18n.finding_text(pack, "fr") == ("a rule pack's own sentence", None)


def test_a_reason_with_values_is_translated_with_them():
    assert i18n.reason("timed out after 2.5 s (see --timeout)", "fr") == "délai dépassé après 2.5 s (voir --timeout)"
    assert i18n.reason("no such file", "fr") == "fichier introuvable"
    assert i18n.reason("no such file", "en") == "no such file"
    assert i18n.reason("a reason no catalogue knows", "fr") == "a reason no catalogue knows"


def test_documentation_is_translated_paragraph_by_paragraph_and_an_untranslated_one_stays_english():
    cls = discover()["quorum"]
    french = i18n.documentation(cls, "fr")
    english = cls.documentation()
    assert i18n.documentation(cls, "en") == english
    assert len(french.split("\n\n")) == len(english.split("\n\n"))
    docs = i18n.translations("fr", i18n.DOCS_DOMAIN)
    for ours, theirs in zip(french.split("\n\n"), english.split("\n\n")):
        head, _, _body = theirs.partition("\n")
        if head in i18n.SECTION_TITLES:
            assert ours.split("\n", 1)[0] == docs.gettext(head)
        else:
            assert ours == docs.gettext(theirs)

    class Undocumented:
        summary = "x"

        @staticmethod
        def documentation():
            return "What it checks:\nA paragraph nobody translated.\n\nWhy it matters:\nNobody knows."

    text = i18n.documentation(Undocumented, "fr")
    assert "A paragraph nobody translated." in text and "Nobody knows." in text


# --- the official wordings of fix hints -----------------------------------------------------------

@pytest.mark.parametrize("index", range(1, len(reference.MINISTRY_NAMES)))
def test_the_ministry_hint_quotes_the_full_official_name_of_the_table(index):
    start, _, parts, full = reference.MINISTRY_NAMES[index]
    # a name of another period (the bare name is not checked), on the first day of this one
    other = next(entry for entry in reference.MINISTRY_NAMES if entry[2] and entry[2] != parts)
    written = other[3][0].upper() + other[3][1:]
    month = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre"][start.month - 1]
    document = textwrap.dedent(f"""\
        EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
        Séance du {start.day} {month} {start.year}
        Délibération n° {start.year}-01 : Convention pour l'Espace Numérique de Travail
        Le Maire présente la convention proposée par le {written} pour les écoles.
        Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE la convention.
        """)
    result = Linter().check("ministry.txt", document.encode("utf-8"))
    [finding] = [f for f in result.findings if f.rule == "outdated-ministry-name"]
    assert finding.fix == f"write « {full} »"
    assert i18n.finding_text(finding, "fr")[1] == f"écrire «{NBSP}{full}{NBSP}»"


def test_the_table_writes_each_name_in_full_with_its_articles():
    assert reference.ministry_name_on(dt.date(2023, 11, 27))[3] == "ministère de l'Éducation nationale et de la Jeunesse"
    for _, short, parts, full in reference.MINISTRY_NAMES:
        assert full.startswith("ministère de l'Éducation nationale")
        assert len(full) >= len(short) + len("ministère de l'")
        for part in parts:
            assert part.split()[0] in fold(full), (part, full)


# --- the command line -----------------------------------------------------------------------------

ENGLISH_WORDS = (" is ", " the ", " not ", "was ", " but ", " has ", " of the ", " and ", " left blank", "written")


def _finding_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith((str(SEED_TXT.relative_to(ROOT)), "  = "))]


def test_the_seed_checked_with_no_option_is_in_french_every_word():
    result = run_cli(SEED_TXT.relative_to(ROOT), "--no-cache")
    lines = _finding_lines(result.stdout)
    assert len(lines) >= 20
    text = "\n".join(lines)
    for sentence in (
            ("erreur[school-email-mismatch] l'école PISAN-MALASPINA a le numéro UAI 0831475C, mais son adresse "
            "électronique ecole.0831515w@ac-nice.fr porte le numéro 0831515w"),
            f"  = correction{NBSP}: écrire «{NBSP}ministère de l'Éducation nationale et de la Jeunesse{NBSP}»",
            f"était le nom officiel du 6 juillet 2020 au 20 mai 2022{NBSP}; le 27 novembre 2023, le nom officiel était",
            "la date de fin de la convention est laissée en blanc, alors que la délibération indique le 27 décembre 2026",
            f"  = correction{NBSP}: écrire «{NBSP}prendra fin le 27 décembre 2026{NBSP}»"):
        assert sentence in text
    for word in ENGLISH_WORDS:
        offending = [line for line in lines if word in line]
        assert not offending, f"{word!r} in {offending}"
    summary = result.stdout.strip().splitlines()[-2]
    assert summary.startswith(f"1 fichier vérifié{NBSP}: 1 erreur, ") and "avertissements" in summary


def test_the_seed_with_lang_en_is_in_english():
    result = run_cli(SEED_TXT.relative_to(ROOT), "--no-cache", "--lang", "en")
    text = "\n".join(_finding_lines(result.stdout))
    assert ("error[school-email-mismatch] PISAN-MALASPINA has UAI 0831475C but its email "
            "ecole.0831515w@ac-nice.fr names 0831515w") in text
    assert "  = help: write « ministère de l'Éducation nationale et de la Jeunesse »" in text
    assert "was the name from July 6, 2020 to May 20, 2022; on November 27, 2023 it was" in text
    assert "erreur" not in text and "correction" not in text
    assert result.stdout.strip().splitlines()[-2].startswith("1 file checked: 1 error, ")


def test_lang_in_the_configuration_and_the_option_over_it(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.ent-lint]\nlang = "en"\n', encoding="utf-8")
    english = run_cli(SEED_TXT, "--no-cache", cwd=tmp_path)
    assert "= help: use the email built on 0831475C" in english.stdout
    french = run_cli(SEED_TXT, "--no-cache", "--lang", "fr", cwd=tmp_path)
    assert f"= correction{NBSP}: utiliser l'adresse électronique formée sur le numéro 0831475C" in french.stdout
    (tmp_path / "pyproject.toml").write_text('[tool.ent-lint]\nlang = "de"\n', encoding="utf-8")
    bad = run_cli(SEED_TXT, "--no-cache", cwd=tmp_path)
    assert bad.returncode == 2 and "'de' n'est pas l'une des valeurs fr, en" in bad.stderr  # French, the default


def test_rules_explain_and_errors_in_both_languages(tmp_path):
    rules = run_cli("rules")
    assert "l'école" in rules.stdout or "école" in rules.stdout
    assert "quorum" in rules.stdout and "avertissement" in rules.stdout
    explain = run_cli("explain", "quorum")
    assert explain.stdout.startswith("quorum (famille attendance, gravité par défaut")
    assert f"Source juridique{NBSP}: CGCT, article L2121-17" in explain.stdout
    english = run_cli("explain", "quorum", "--lang", "en")
    assert "Legal source: CGCT art. L2121-17" in english.stdout and "What it checks:" in english.stdout
    missing = run_cli(tmp_path / "absent.txt", "--no-cache")
    assert f"absent.txt{NBSP}: erreur{NBSP}: fichier introuvable" in missing.stderr
    assert "absent.txt: error: no such file" in run_cli(tmp_path / "absent.txt", "--no-cache", "--lang", "en").stderr


def test_statistics_in_french():
    result = run_cli(SEED_TXT, "--no-cache", "--statistics", "--format", "json")
    assert "address-incomplete" in result.stderr and f"1 fichier vérifié{NBSP}:" in result.stderr
    report = json.loads(result.stdout)
    email = next(f for f in report["findings"] if f["rule"] == "school-email-mismatch")
    assert email["message"].startswith("l'école PISAN-MALASPINA") and email["code"] == "school-email-mismatch/email"
    assert email["args"]["uai"] == "0831475C"


# --- fingerprints do not depend on the language ---------------------------------------------------

def test_a_baseline_written_in_english_matches_the_findings_reported_in_french(tmp_path):
    baseline = tmp_path / "baseline.json"
    written = run_cli(SEED_TXT, "--no-cache", "--lang", "en", "--write-baseline", baseline)
    assert baseline.is_file() and written.returncode == 1
    again = run_cli(SEED_TXT, "--no-cache", "--baseline", baseline, "--format", "json")
    assert json.loads(again.stdout)["findings"] == []
    assert again.returncode == 0


@pytest.mark.parametrize("fmt, fingerprints", [
    ("sarif", lambda data: [r["partialFingerprints"]["entLint/v1"] for r in data["runs"][0]["results"]]),
    ("gitlab", lambda data: [item["fingerprint"] for item in data]),
])
def test_sarif_and_gitlab_fingerprints_are_the_same_in_both_languages(fmt, fingerprints):
    french = json.loads(run_cli(SEED_TXT, "--no-cache", "--format", fmt).stdout)
    english = json.loads(run_cli(SEED_TXT, "--no-cache", "--format", fmt, "--lang", "en").stdout)
    assert fingerprints(french) and fingerprints(french) == fingerprints(english)
    assert french != english  # the texts differ, the fingerprints do not


def test_the_cache_key_does_not_depend_on_the_language():
    from ent_lint.config import Settings

    assert Linter(Settings(lang="en")).fingerprint() == Linter(Settings(lang="fr")).fingerprint() \
        == Linter().fingerprint()


def test_a_cached_result_is_rendered_in_the_language_asked(tmp_path):
    cache = tmp_path / "cache"
    run_cli(SEED_TXT, "--cache-dir", cache, "--lang", "en")
    french = run_cli(SEED_TXT, "--cache-dir", cache)
    assert "from cache" not in french.stdout and "repris du cache" in french.stdout
    assert "l'école PISAN-MALASPINA a le numéro UAI 0831475C" in french.stdout


# --- the web page and its API ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def server():
    from test_web import serving

    with serving("-j", "1", "--timeout", "60") as (base, _):
        yield base


def test_the_api_answers_in_french_by_default_and_in_english_on_request(server):
    from test_web import _get, _post

    status, french, _ = _post(f"{server}/api/lint", SEED_TXT.name, SEED_TXT.read_bytes())
    status_en, english, _ = _post(f"{server}/api/lint?lang=en", SEED_TXT.name, SEED_TXT.read_bytes())
    assert status == status_en == 200
    fr = next(f for f in french["findings"] if f["rule"] == "school-email-mismatch")
    en = next(f for f in english["findings"] if f["rule"] == "school-email-mismatch")
    assert fr["message"].startswith("l'école PISAN-MALASPINA a le numéro UAI 0831475C")
    assert en["message"].startswith("PISAN-MALASPINA has UAI 0831475C but its email")
    assert fr["code"] == en["code"] == "school-email-mismatch/email" and fr["args"] == en["args"]
    rule = json.loads(_get(f"{server}/api/rules/quorum")[1])
    assert rule["documentation"].startswith("Ce que la règle vérifie") and rule["summary"].startswith("présents")
    rule_en = json.loads(_get(f"{server}/api/rules/quorum?lang=en")[1])
    assert rule_en["documentation"].startswith("What it checks:")
    empty_status, empty, _ = _post(f"{server}/api/lint", "vide.txt", b"")
    assert empty_status == 400 and empty["error"] == "vide.txt\u00a0: le fichier est vide"


CHROMIUM = __import__("test_web").CHROMIUM


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine (Debian: apt-get install chromium)")
def test_the_page_is_french_by_default_and_english_after_the_switch(server):
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    from test_web import ARTIFACTS

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            # an English browser still gets the French page: French is the default
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="en-US")
            page.goto(server)
            assert page.locator("[data-i18n=findings]").inner_text() == "Constats"
            page.set_input_files("#file", str(SEED_TXT))
            card = page.locator(".finding[data-rule=school-email-mismatch]")
            card.wait_for(timeout=60_000)
            assert "l'école PISAN-MALASPINA a le numéro UAI 0831475C" in card.inner_text()
            assert f"Correction{NBSP}: utiliser l'adresse électronique formée sur le numéro 0831475C" in card.inner_text()
            ministry = page.locator(".finding[data-rule=outdated-ministry-name]").inner_text()
            assert f"«{NBSP}ministère de l'Éducation nationale et de la Jeunesse{NBSP}»" in ministry
            card.locator("button.rule").click()
            page.locator("#explain[open]").wait_for(timeout=10_000)
            # (locators, not wait_for_function: the page's CSP forbids evaluating strings)
            page.locator("#explain-doc", has_text="Comment corriger").wait_for(timeout=10_000)
            page.screenshot(path=str(ARTIFACTS / "web-i18n-fr.png"), full_page=True)
            page.locator("#explain button").click()
            # the switch asks the server again, in English
            page.locator("#lang").click()
            card = page.locator(".finding[data-rule=school-email-mismatch]", has_text="has UAI 0831475C")
            card.wait_for(timeout=60_000)
            assert "Fix: use the email built on 0831475C" in card.inner_text()
            assert page.locator("[data-i18n=findings]").inner_text() == "Findings"
            assert "l'école" not in page.locator("#findings").inner_text()
            card.locator("button.rule").click()
            page.locator("#explain[open]").wait_for(timeout=10_000)
            page.locator("#explain-doc", has_text="How to fix").wait_for(timeout=10_000)
            page.screenshot(path=str(ARTIFACTS / "web-i18n-en.png"), full_page=True)
            # and back to French
            page.locator("#explain button").click()
            page.locator("#lang").click()
            page.locator(".finding[data-rule=school-email-mismatch]", has_text="l'école").wait_for(timeout=60_000)
        finally:
            browser.close()
