"""A PDF page's text lines in reading order, from where pdfium placed their characters.

pdfium gives a page's text in the order of its content stream.  Word processors and PDF printers
mostly draw in reading order, but not always:

- a frame or text box is drawn after the body although it stands beside it (the counts frame in
  the margin of an extract) or above it (a title block, the sitting's box);
- a raised or lowered piece of a line (« N° » with a raised o, « 1er ») ends pdfium's line, and
  the rest of the line comes as a new one.

:func:`reading_order` puts a page's lines back in the order a reader reads them; a page drawn in
reading order (nearly all) comes back unchanged.
"""

from __future__ import annotations

from typing import Iterable, Iterator, NamedTuple, Optional

from .. import patterns
from .charboxes import CharBoxes

_BREAK = patterns.compile(r"\r\n|\r|\n")


class Row(NamedTuple):
    """One line of pdfium's text and its box, in PDF points (y grows upwards)."""

    text: str
    box: Optional[tuple[float, float, float, float]]  # left, bottom, right, top

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1] if self.box else 0.0


def rows(textpage, text: str) -> list[Row]:
    """Each line of ``text`` (the text range of ``textpage``) with the box of its first and last
    characters (None for a line of blanks or of generated characters)."""
    boxes = CharBoxes(textpage)
    return [Row(line, _line_box(boxes, line, start)) for line, start in _lines(text)]


def _line_boxes(textpage, text: str) -> Iterator[Optional[tuple[float, float, float, float]]]:
    """The boxes of :func:`rows`, one line at a time, without the rows: what :func:`_descending`
    reads of nearly every page, and it may stop at the first line out of order."""
    boxes = CharBoxes(textpage)
    return (_line_box(boxes, line, start) for line, start in _lines(text))


def _lines(text: str) -> Iterator[tuple[str, int]]:
    """Each line of ``text`` and where it starts, split at each line break (CR LF, CR or LF)."""
    if "\r" not in text:  # the common case, split in C: the same lines
        start = 0
        for line in text.split("\n"):
            yield line, start
            start += len(line) + 1
        return
    start = 0
    for match in [*_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        yield text[start:end], start
        start = match.end() if match else end


def _line_box(boxes: CharBoxes, line: str, start: int):
    # the first and last characters that are not blanks: str.strip drops what str.isspace calls a blank
    content = line.lstrip()
    if not content:
        return None
    first = boxes.loose(start + len(line) - len(content))
    last = boxes.loose(start + len(line.rstrip()) - 1)
    if first[2] <= first[0] or last[2] <= last[0]:  # a generated character has no box
        return None
    return (first[0], min(first[1], last[1]), last[2], max(first[3], last[3]))


def _same_line(before: Row, after: Row) -> bool:
    """Whether ``after`` continues ``before`` on the same physical line: it starts just right of
    it and their heights overlap (a raised « o » of « N° » then the number)."""
    if before.box is None or after.box is None:
        return False
    left0, bottom0, right0, top0 = before.box
    left1, bottom1, right1, top1 = after.box
    overlap = min(top0, top1) - max(bottom0, bottom1)
    if overlap < 0.5 * min(before.height, after.height):
        return False
    return -1.0 <= left1 - right0 <= 1.5 * max(before.height, after.height)


def join_shifted(found: list[Row]) -> list[Row]:
    """Lines cut by a raised or lowered piece joined again."""
    joined: list[Row] = []
    for row in found:
        if joined and _same_line(joined[-1], row):
            previous = joined[-1]
            box = (previous.box[0], min(previous.box[1], row.box[1]), row.box[2], max(previous.box[3], row.box[3]))
            touching = row.box[0] - previous.box[2] < 0.2 * min(previous.height, row.height)
            glue = "" if touching or row.text[:1].isspace() or previous.text[-1:].isspace() else " "
            joined[-1] = Row(f"{previous.text}{glue}{row.text}", box)
        else:
            joined.append(row)
    return joined


class Block(NamedTuple):
    """Consecutive lines of the stream that stand one under the other."""

    rows: list[Row]
    left: float
    bottom: float
    right: float
    top: float


def _follows(block: list[Row], row: Row) -> bool:
    last = next((r for r in reversed(block) if r.box is not None), None)
    if last is None or row.box is None:
        return True
    step = last.box[1] - row.box[1]
    x_overlap = min(last.box[2], row.box[2]) - max(last.box[0], row.box[0])
    return 0 < step <= 2.5 * max(last.height, row.height) and x_overlap > 0


def blocks(found: list[Row]) -> list[Block]:
    groups: list[list[Row]] = []
    for row in found:
        if groups and (row.box is None or _follows(groups[-1], row)):
            groups[-1].append(row)
        else:
            groups.append([row])
    made = []
    for group in groups:
        boxes = [r.box for r in group if r.box is not None]
        if boxes:
            made.append(Block(group, min(b[0] for b in boxes), min(b[1] for b in boxes),
                              max(b[2] for b in boxes), max(b[3] for b in boxes)))
        else:
            made.append(Block(group, 0.0, 0.0, 0.0, 0.0))
    return made


def _x_overlap(a: Block, b: Block) -> float:
    return min(a.right, b.right) - max(a.left, b.left)


def _above(late: Block, early: Block) -> bool:
    """A block drawn later that stands wholly above an earlier one in the same columns."""
    return late.bottom > early.top and _x_overlap(late, early) > 0


def _beside(late: Block, early: Block, every: list[Block]) -> bool:
    """A frame drawn later that stands beside an earlier block (a margin box): narrower than
    half of it, alone in its own columns (but for blocks that span both), and at most half as long as the text in the earlier
    block's columns (two columns of text keep their order)."""
    y_overlap = min(late.top, early.top) - max(late.bottom, early.bottom)
    if y_overlap <= 0 or _x_overlap(late, early) >= 0 or (late.right - late.left) >= 0.5 * (early.right - early.left):
        return False
    if any(other is not late and _x_overlap(other, late) > 0 and _x_overlap(other, early) <= 0 for other in every):
        return False
    column = sum(len(other.rows) for other in every if _x_overlap(other, early) > 0)
    return len(late.rows) * 2 <= column


def ordered(found: list[Block]) -> list[Block]:
    """Blocks in reading order: each block of two lines or more drawn later than a block of three
    lines or more that it stands above or beside (as a margin frame) is put before it; the others
    keep the stream's order (columns side by side, page numbers, a running line drawn first)."""
    boxed = [block for block in found if block.top != block.bottom]
    placed: list[Block] = []
    for block in found:
        at = None
        if block.top != block.bottom and len(block.rows) >= 2:  # a lone line (a page number) stays
            at = next((i for i, early in enumerate(placed) if early.top != early.bottom and len(early.rows) > 2
                       and (_above(block, early) or _beside(block, early, boxed))), None)
        if at is None:
            placed.append(block)
        else:
            placed.insert(at, block)
    return placed


def _descending(boxes: Iterable[Optional[tuple[float, float, float, float]]]) -> bool:
    """Whether each line with a box (the boxes of :func:`rows`, in order) stands wholly below the
    one before it (and no box is upside down).  Then no line continues the one before it
    (:func:`_same_line` wants their heights to overlap), and every block stands wholly below the
    blocks before it, neither above nor beside one of them (:func:`ordered`): the page is in
    reading order as it is."""
    bottom = None
    for box in boxes:
        if box is None:
            continue
        if not box[1] <= box[3] or (bottom is not None and not box[3] < bottom):
            return False  # written so that a NaN, which compares false, is not taken as in order
        bottom = box[1]
    return True


def reading_order(textpage, text: str) -> str:
    """The page's text with its lines in reading order (``text`` itself when nothing moves, or
    when pdfium's text and its characters do not count alike: the boxes would be misplaced)."""
    if textpage.count_chars() != len(text):
        return text
    if _descending(_line_boxes(textpage, text)):  # nearly every page: nothing can move, no row or block is made
        return text
    found = join_shifted(rows(textpage, text))
    lines = [row.text for block in ordered(blocks(found)) for row in block.rows]
    result = "\n".join(lines)
    return text if result == "\n".join(_BREAK.split(text)) else result
