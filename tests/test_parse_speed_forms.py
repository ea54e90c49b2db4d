"""The parser's faster forms read as the plain ones they replace (ent_lint/parse/, for speed): each
cheap test holds for every match of the pattern it guards, and each shortcut gives what the long
way gives."""

import itertools

import regex

from ent_lint import dates
from ent_lint.parse import counts, deliberation, names

# lines of the kinds the guards see: labels, lists, dates, headings, sentences
LINES = [
    "Présents : M. Jean DUPONT, Mme Marie MARTIN, M. Paul DURAND",
    "Absents excusés : Mme Anne ROUX (pouvoir à M. Paul DURAND), M. Marc PETIT",
    "Étaient présents MM. LEROY, LIVET et GUESNIER", "Procurations : M. A à M. B", "Pouvoirs (3) :",
    "Excusé(e)s :", "Secrétaire de séance : Mme Marie MARTIN", "Membres en exercice : 15 Présents : 12 Votants : 14",
    "Ont donné pouvoir : 6", "absents représentés :", "Mandats :", "Prqcuration :", "procuratiom :",
    "X (arrivé)- Y ; Z (à partir de la question 3)ATLAN", "Anne (pouvoir à Paul) / Marc", "M. X - Mme Y",
    "le 12/03/2024 à 18h", "Séance du 27.11.2023", "2023-11-27", "1/2/24", "n° 12/2023 du 3 mars",
    "Le conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE la convention.",
    "COMMUNE DE SAINT-MARTIN", "Objet : convention de mise à disposition", "Fait à Saint-Martin, le 28 novembre 2023",
    "En exercice   Présents   Votants", "Absents   Présents", "Absents", "en seamce :", "Po5vOirS :", "",
]


def _fold(text: str) -> str:
    from ent_lint.text import fold
    return fold(text)


def test_the_list_label_words_stand_in_every_reading_of_list_label():
    for text in LINES + [case for case in ("Présentes et présents :", "Délégués suppléants :", "Avec pouvoir :")]:
        folded = _fold(text)
        if deliberation.LIST_LABEL.match(folded):
            assert deliberation._may_be_a_list_label(folded), text
    # "procuration" with any one letter wrong is still read, and still holds a word of the guard
    for index, char in itertools.product(range(len("procuration")), "xé?1 "):
        word = "procuration"[:index] + char + "procuration"[index + 1:]
        assert deliberation.LIST_LABEL.match(word + " :"), word
        assert deliberation._may_be_a_list_label(word + " :"), word


def test_a_line_without_a_list_label_word_is_no_list_label():
    for text in ("Commune de Saint-Martin", "Séance du 27 novembre 2023", "Objet : tarifs"):
        assert not deliberation._may_be_a_list_label(_fold(text))
        assert not deliberation.LIST_LABEL.match(_fold(text))


def test_split_names_without_parentheses_cuts_as_the_whole_separator():
    plain = regex.compile(names._SEPARATOR.pattern)
    for text in LINES:
        if ")" not in text:
            assert [m.span() for m in names._SEPARATOR_WITHOUT_PARENTHESES.finditer(text)] == \
                [m.span() for m in plain.finditer(text)], text
    # and the separators after a parenthesis still cut where one stands
    assert names.split_names("X (arrivé)- Y") == ["X (arrivé)", "Y"]
    assert names.split_names("M. X (à partir de la question 3)ATLAN") == ["M. X (à partir de la question 3)", "ATLAN"]
    assert names.split_names("M. Jean DUPONT, Mme Marie MARTIN et M. Paul DURAND") == [
        "M. Jean DUPONT", "Mme Marie MARTIN", "M. Paul DURAND"]


def test_the_digit_date_reads_what_it_read_without_its_look_ahead():
    plain = regex.compile(dates.DIGIT_DATE.pattern.replace(r"(?=\d)", "", 1))
    assert plain.pattern != dates.DIGIT_DATE.pattern
    for text in [_fold(line) for line in LINES] + ["12/3/2024/5", "a1/02/2024", "x 3-04-24 y", "2/12.2023"]:
        assert [m.groupdict() | {"span": m.span()} for m in dates.DIGIT_DATE.finditer(text)] == \
            [m.groupdict() | {"span": m.span()} for m in plain.finditer(text)], text


def test_a_name_of_ascii_letters_is_a_token():
    for word in ("DUPONT", "Jean", "a", "Z", "McDONALD"):
        assert names._TOKEN.fullmatch(word)
    assert names.looks_like_name("Jean DUPONT") and not names.looks_like_name("jean dupont")
    assert not names.looks_like_name("Jean DUP2NT") and names.looks_like_name("Jean VOIR0L") and names.looks_like_name("Jean DUPRE1")


def test_row_labels_read_as_every_cell_tried():
    def plain(folded):
        cells = [(m.start(), m.end(), m[0]) for m in counts._ROW_CELL.finditer(folded.replace("|", " "))]
        labels = []
        for start, end, cell in cells:
            label = counts.LABEL_ONLY.match(cell)
            if not label or counts._key(label) == "absent" and len(cells) < 3:
                return None
            labels.append((start, end, counts._key(label)))
        return labels if len(labels) >= 2 else None

    for text in LINES + ["Absents   Présents   Votants", "| En exercice | Présents | Votants |"]:
        assert counts._row_labels(_fold(text)) == plain(_fold(text)), text
    assert counts._row_labels(_fold("En exercice   Présents   Votants")) is not None


def _vote_texts():
    from ent_lint.parse import recognisers, votes
    texts = [case.text for item in recognisers.REGISTRY if item.part == votes.PART for case in item.cases]
    return texts + LINES + [
        "Pour : l1 - Contre : O", "P ≠ 11 C : 0", "Abs. : 2", "ABST. 1", "2 refus de vote", "3 non-participations",
        "bulletins blancs ou nuls : 2", "Nuls : 1", "suffrages déclarés nuls", "élue avec 12 voix",
        "de ne pas recourir au vote à bulletin secret", "de voter à main levée", "« le vote a lieu à l'unanimité",
        "peut décider, à l'unanimité"]


def test_the_vote_patterns_match_only_text_holding_their_words():
    from ent_lint.parse import votes
    guarded = [(votes._LABELLED, votes._LABELLED_WORDS), (votes._INITIALS_TALLY, votes._COLON_OR_EQUALS),
               (votes._OCR_TALLY, votes._COLON_OR_EQUALS), (votes._HOW_TO_VOTE, votes._HOW_TO_VOTE_WORDS),
               (votes._NOT_THIS_VOTE, votes._NOT_THIS_VOTE_WORDS), (votes._BALLOT, votes._BALLOT_WORDS),
               (votes._COUNTED_NOT_VOTING, votes._NOT_VOTING_WORDS), (votes._BLANKS, votes._BLANKS_WORDS)]
    matched = set()
    for text in _vote_texts():
        folded = _fold(text)
        for pattern, words in guarded:
            # the text, and every start of it for _NOT_THIS_VOTE (which reads what comes before a word)
            starts = range(len(folded) + 1) if pattern is votes._NOT_THIS_VOTE else [len(folded)]
            for start in starts:
                if pattern.search(folded[:start]):
                    matched.add(pattern.pattern)
                    assert votes.holds_any(folded[:start], words), (pattern.pattern[:40], text)
    assert len(matched) == len(guarded)  # each pattern met a text it reads


def test_the_kind_patterns_match_only_text_holding_their_words():
    """Each ``NAME_WORDS`` of parse/kinds.py: every match of the pattern ``NAME`` holds one of them."""
    from ent_lint.parse import kinds, recognisers
    texts = [case.text for item in recognisers.REGISTRY if item.part in (kinds.PART, kinds.NOT_RECORD)
             for case in item.cases] + LINES + [
        "ARRÊTÉ TEMPORAIRE", "DECISI0N DU MA1RE", "Lettre d'information n° 3 - été 2024", "infos municipales",
        "Bulletin n° 12 — printemps 2023", "Objet : convocation", "ARRETE ET SIGNATURE", "PV de la séance",
        "Délibérations du conseil municipal", "Registre des délibérations", "Récapitulatif des décisions",
        "Avenant", "contrat de location", "Projet de délibération"]
    pairs = [(getattr(kinds, name[:-len("_WORDS")]), getattr(kinds, name)) for name in dir(kinds)
             if name.endswith("_WORDS") and name != "_WORDS"]
    assert len(pairs) >= 12
    matched = set()
    for text in texts:
        folded = _fold(text)
        for pattern, words in pairs:
            if pattern.search(folded) or pattern.search(folded.strip()):
                matched.add(pattern.pattern)
                assert kinds.holds_any(folded, words), (pattern.pattern[:40], text)
    assert len(matched) == len(pairs)


def _documents() -> list[str]:
    """The text documents of the fixtures and of the real corpus (where it is laid beside)."""
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    paths = sorted(root.glob("fixtures/**/*.txt")) + sorted((root.parent / "shared/corpus/real").glob("*.txt"))
    return [path.read_text(encoding="utf-8", errors="replace") for path in paths]


def test_the_document_patterns_match_only_text_holding_their_words():
    """Each pattern of deliberation._NEEDS: every match holds one of its words, on whole documents
    and on the recognisers' cases."""
    from ent_lint.parse import recognisers
    documents = _documents()
    assert len(documents) >= 10
    texts = documents + [case.text for item in recognisers.REGISTRY for case in item.cases] + LINES + [
        "Mme X quitte la séance", "le Maire sort de la salle", "M. Y, intéressé, ne prend pas part au vote",
        "Jean DUPONT n'a pas participé au vote", "Mme Z revient en séance", "Arrivée de M. W à 20 h 45",
        "M. V rejoint la séance", "la convention prendra fin le 3 mars 2025", "quorum n'ayant pas été atteint",
        "seconde convocation", "convoqués le 3 mars", "date d'affichage : 4 mars", "nous vous proposons de",
        "Le conseil municipal décide", "reçu en préfecture le 5 mars", "mis en ligne le 6 mars",
        "Pour extrait certifié conforme, le 7 mars", "le conseil s'est réuni à la mairie, sous la présidence",
        "rassemblés en la salle des fêtes, après convocation", "Ajout d'un point en urgence"]
    matched = set()
    for pattern, words in deliberation._NEEDS.items():
        for text in texts:
            for form in {text, _fold(text)}:
                for match in pattern.finditer(form):
                    matched.add(pattern.pattern)
                    assert deliberation.holds_any(match[0], words), (pattern.pattern[:40], match[0])
    assert len(matched) == len(deliberation._NEEDS)
    assert deliberation.holds_any("abc quitte", ("quitte",), 4, 10)
    assert not deliberation.holds_any("abc quitte", ("quitte",), 0, 8)


def test_civility_reads_as_the_civility_pattern():
    plain = regex.compile(names.CIVILITY.pattern)
    starts = [chr(code) for code in range(0x20, 0x180)]
    texts = [_fold(text) for text in LINES] + ["mm. et mmes leroy", "dr x", "m.lansade", "madame", "mr", "d", "m", ""]
    texts += [char + rest for char in starts for rest in ("m. dupont", "r. x", "me roux")]
    for text in texts:
        expected = plain.match(text)
        found = names.civility(text)
        assert (found and found.span()) == (expected and expected.span()), text


def test_normalize_reads_as_its_patterns():
    def plain(name):
        folded = regex.sub(names.CIVILITY.pattern, "", _fold(name).strip())
        return " ".join(sorted(regex.findall(names._NAME_WORD.pattern, folded.replace("-", " "))))

    for name in ("M. Jean DUPONT", "Mme Marie-Anne LE GALL", "S?RI Paul", "VOIR0L Léa", "MM. et Mmes X Y",
                 "Dr Who", "d'Arc Jeanne", "Jean  (arrivé)", "Élodie Ñuñez", "Anne O'NEIL", "P. DURAND."):
        assert names.normalize(name) == plain(name), name


def test_a_label_cut_over_two_lines_holds_a_word_of_the_guard():
    for text in LINES + ["qui ont pris part à la", "ayant pris part", "Nombre de conseillers", "afférents au conseil",
                         "membres en", "Conseillers en  ", "nombre de x"]:
        folded = _fold(text)
        if deliberation._CUT_LABEL.search(folded):
            assert deliberation.holds_any(folded, deliberation._CUT_LABEL_WORDS), text
    assert all(deliberation._CUT_LABEL.search(_fold(text)) for text in ("qui ont pris part à la", "Membres en"))


def test_the_proxy_patterns_match_only_text_holding_their_words():
    from ent_lint.parse import proxies, recognisers
    texts = [case.text for item in recognisers.REGISTRY for case in item.cases] + LINES + [
        "donne pouvoir à M. X", "son mandat à Mme Y", "ayant donné procuration au maire", "représentées par M. Z"]
    matched = set()
    for pattern, words in ((proxies._NOTE_BETWEEN, proxies._NOTE_BETWEEN_WORDS),
                           (proxies._REPRESENTED_BY, proxies._REPRESENTED_BY_WORDS),
                           (deliberation.HOLDER_ONLY, deliberation._HOLDER_ONLY_WORDS)):
        for text in texts:
            folded = _fold(" ".join(text.split()))
            match = pattern.match(folded)
            if match:
                matched.add(pattern.pattern)
                assert deliberation.holds_any(match[0], words), (pattern.pattern[:30], text)
    assert len(matched) == 3


def test_a_count_label_alone_holds_a_word_of_the_guard_however_ocr_read_it():
    import itertools
    labels = ["Membres en exercice :", "Nombre de conseillers en exercice", "Conseillers afférents au conseil municipal",
              "Nombre légal de membres", "Présents :", "Conseillers en séance :", "en seamce :", "Représentés",
              "Pouvoirs", "Procurations (s) :", "Ont donné pouvoir", "Votants =", "Qui ont pris part à la délibération",
              "ayant pris part au vote", "Suffrages exprimés", "Absents excusés", "en exercice :"]
    words = [("exercice", "Membres en {} :"), ("pouvoirs", "{} :"), ("deliberation", "qui ont pris part a la {}")]
    for word, line in words:  # each letter in turn misread, as the fuzzy labels allow
        for index, char in itertools.product(range(len(word)), "x5 ?"):
            labels.append(line.format(word[:index] + char + word[index + 1:]))
    read = 0
    for text in labels + LINES:
        folded = _fold(text)
        if counts.LABEL_ONLY.match(folded):
            read += 1
            assert counts.holds_any(folded, counts._LABEL_ALONE_WORDS), text
            assert counts.label_only(folded)
    assert read >= len(labels) - 5


def test_the_line_openings_read_as_their_patterns():
    from ent_lint.parse import items, recognisers, reports, tables
    texts = [case.text for item in recognisers.REGISTRY for case in item.cases] + LINES + [
        "Vote : unanimité", "  Résultat du vote : 12 pour", "VOTES :", "Ordre du jour", " ordre du jout",
        "Vu le code", "Considérant que", "Le rapporteur expose", "Rapporteur : M. X", "Monsieur le Maire expose",
        "Madame le Maire informe", "Le Maire présente", "Objet : tarifs", "Exposé des motifs", "|---|:--:|", "| --- |"]
    texts += [char + rest for char in (chr(code) for code in range(0x20, 0x180)) for rest in ("u le code", "ote :")]
    plain = {name: regex.compile(pattern.pattern) for name, pattern in (
        ("vote", items.VOTE_LINE), ("agenda", items.AGENDA_LABEL), ("body", deliberation.BODY_START))}
    for text in texts:
        folded = _fold(text)
        for name, reading in (("vote", items.vote_line), ("agenda", items.agenda_label), ("body", deliberation.body_start)):
            expected, found = plain[name].match(folded), reading(folded)
            assert (found and found.span()) == (expected and expected.span()), (name, text)
        if reports._REPORT.match(folded):
            assert deliberation.holds_any(folded, reports._REPORT_WORDS), text
        if tables._PIPE_RULE.fullmatch(text):
            assert "|" in text


def test_the_count_patterns_left_out_would_not_have_matched():
    from ent_lint.parse import recognisers
    texts = [case.text for item in recognisers.REGISTRY if item.part == counts.PART for case in item.cases] + LINES + [
        "Elus présents : dix-sept", "Présents : 12", "Votants : onze", "En exercice : 15 - Présents : 12"]
    read = set()
    for text in texts:
        folded = _fold(text).strip()
        tried = counts.count_patterns(folded)
        for pattern in (counts.COUNT, counts.COUNT_WORDS):
            if pattern.search(folded):
                read.add(pattern.pattern)
                assert pattern in tried, (pattern.pattern[:30], text)
    assert len(read) == 2


def test_a_sentence_goes_on_as_the_pattern_searched_from_the_start_says():
    from ent_lint.parse import votes
    ends = ["par", "avec", "et", "soit", "a", "des", "de", "la", "s'etant", "ayant", "12", ",", "voila", "xpar",
            "lapar", "s'etant  ", "ayant\t", "par \x1c", "opposition", "m. x", "de la", "2 ,  "]
    for head in ("", "adopte ", "le conseil, ", "votes : 12 pour "):
        for end in ends:
            text = head + end
            assert bool(votes._sentence_goes_on(text)) == bool(votes._SENTENCE_GOES_ON.search(text)), text


def test_each_proxy_pattern_matches_only_entries_holding_its_words():
    from ent_lint.parse import recognisers
    texts = [case.text for item in recognisers.REGISTRY for case in item.cases] + LINES + [
        "M. X à M. Y", "Mme A par M. B", "X => Y", "X -> Y", "X → Y.", "M. X\tà  M. Y", "Pouvoir de X à Y",
        "X représentée par Y", "X a donné pouvoir à Y", "X donne délégation de vote à Y"]
    for text in texts:
        for piece in [text] + names.split_names(text):
            folded = _fold(" ".join(piece.split()))
            for pattern, words in zip(deliberation.PROXY_PATTERNS, deliberation._PROXY_WORDS):
                if pattern.match(folded):
                    assert deliberation.holds_any(folded, words), (pattern.pattern[:30], piece)
    assert deliberation.parse_proxy("M. Jean DUPONT à Mme Anne ROUX") is not None


def test_the_head_patterns_match_only_text_holding_their_words():
    from ent_lint.parse import dates as parse_dates, recognisers, sitting
    texts = _documents() + [case.text for item in recognisers.REGISTRY for case in item.cases] + LINES + [
        "20 h 30", "à 18:45", "vingt heures trente", "dix-neuf heures et demie", "Présidente de séance : Mme X",
        "Monsieur le Maire déclare la séance ouverte", "sous la présidence de Madame la Présidente"]
    matched = set()
    pairs = list(zip(sitting._PRESIDENT, sitting._PRESIDENT_WORDS)) + [
        (sitting._OPENED_BY_THE_OFFICE, sitting._OFFICE_WORDS), (parse_dates.TIME, ("h", ":"))]
    for text in texts:
        folded = _fold(text)
        for pattern, words in pairs:
            for match in pattern.finditer(folded):
                matched.add(pattern.pattern)
                assert deliberation.holds_any(match[0], words), (pattern.pattern[:30], match[0])
    assert len(matched) == len({pattern.pattern for pattern, _ in pairs})


def test_a_list_cut_short_holds_a_word_of_the_guard():
    for text in LINES + ["M. X, M. Y...", "M. X, etc.", "M. X …)", "M. X, etc ;", "M. X etc)", "Mme Y, ... ,"]:
        if deliberation._CUT_SHORT.search(text):
            assert deliberation.holds_any(text, deliberation._CUT_SHORT_WORDS), text
    assert deliberation._CUT_SHORT.search("M. X, etc.") and not deliberation._CUT_SHORT.search("M. X")


def test_a_signature_role_holds_a_word_of_the_guard():
    texts = _documents() + LINES + ["Le Maire,", "La Présidente", "Pour extrait conforme, le secrétaire de séance",
                                    "L'adjointe au maire", "Paul DURAND   Le Président"]
    read = 0
    for text in texts:
        for line in text.split("\n"):
            folded = _fold(line)
            for match in deliberation.SIGNATURE_ROLE.finditer(folded):
                read += 1
                assert deliberation.holds_any(match[0], deliberation._SIGNATURE_ROLE_WORDS), line
            assert len(deliberation._signature_roles(folded)) == len(list(deliberation.SIGNATURE_ROLE.finditer(folded)))
    assert read


def test_a_grid_header_names_the_members_present():
    from ent_lint.parse import grids
    headers = ["NOM            PRÉSENT   ABSENT   POUVOIR À", "Nom           Présente   Excusé(e)", "Conseillers  Present(e)  Absent(e)",
               "Nom           Montant   Date", "Nom   Absent   Pouvoir donné à"] + LINES
    for header in headers:
        cells = [(m.start(), m.end(), m[0]) for m in grids._CELL.finditer(header)]
        roles = grids._roles([c[2] for c in cells]) if len(cells) >= 3 else None
        assert grids._columns(header) == (cells if roles is not None else None), header
        if roles is not None:
            assert "present" in _fold(header)
    assert grids._columns(headers[0]) is not None


def test_each_item_of_minutes_has_its_own_lists_and_sub_models():
    """The last item takes the sitting's template itself, the others a copy: no two share what a
    later step may change."""
    from ent_lint.parse import parse
    from ent_lint.readers import read_data

    text = ("PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL DU 3 MARS 2024\n"
            "Présents : M. Jean DUPONT, Mme Marie MARTIN, M. Paul DURAND\n"
            "Secrétaire de séance : Mme Marie MARTIN\n\n"
            "1. Tarifs de la cantine\nLe conseil municipal, à l'unanimité, APPROUVE les tarifs.\n\n"
            "2. Travaux de voirie\nM. Paul DURAND quitte la séance.\n"
            "Le conseil municipal, par 2 voix pour, APPROUVE les travaux.\n\n"
            "3. Subvention au club\nLe conseil municipal, à l'unanimité, ACCORDE la subvention.\n")
    document = parse(read_data("minutes.txt", text.encode()))
    items = document.deliberations
    assert len(items) == 3
    for first, second in itertools.combinations(items, 2):
        for field in ("present", "proxies", "absent", "left", "decisions", "signatories", "spans", "doubts",
                      "session", "counts", "vote"):
            assert getattr(first, field) is not getattr(second, field), field
    assert [item.vote.for_ for item in items] == [None, 2, None]
    assert items[1].left and not items[0].left
