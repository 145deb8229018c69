"""Writing a new index segment with postings grouped by term, for rebuilds and updates.

Whoosh's own segment writer keeps every posting as a tuple in a sorting pool, sorts them all
when it commits, spills sorted runs to disk when its memory is full, and then writes one posting
at a time through several layers of calls (looking up the document's field length for each).
That is most of a rebuild's time, and none of it is analysis. `GroupedSegmentWriter` is the same
writer with two parts replaced: its pool files each posting under its term as it arrives (the
documents come in order, so every term's postings are already sorted), and its commit writes each
term's postings in one go, in the W3 codec's format, with the field lengths read once per field.
Two things differ in the bytes, both read by any Whoosh: blocks are pickled with protocol 4, not
2, which spells every bytes value as a call to `_codecs.encode` (postings files are a fifth
smaller), and blocks too small for zlib to shorten are not compressed.

Documents, stored fields, lengths and columns still go through Whoosh's own code, so the index
is an ordinary Whoosh index. The term writing depends on the W3 codec's file layout; tests compare
every term's postings with those of Whoosh's own writer, and with any other codec the writer
falls back to Whoosh's posting path.
"""

from __future__ import annotations

import pickle
import zlib
from array import array

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3FieldWriter, W3TermInfo
from whoosh.index import TOC, LockError
from whoosh.system import pack_int, pack_ushort
from whoosh.util.numeric import length_to_byte
from whoosh.writing import SegmentWriter

from .retention import clean_files

BLOCK = 128  # postings per block, as the W3 codec writes them
COMPRESS_FROM = 64  # bytes of block data; below this zlib does not make a block smaller
PICKLE = 4  # the codec writes protocol 2, which spells each bytes value as a call to _codecs.encode
# Rough bytes of memory per grouped posting and per new term, to decide when a segment is full.
POSTING_BYTES, TERM_BYTES = 120, 220


class TermGroups:
    """The postings of one segment, as {field: {term bytes: [docnum, weight, value, ...]}}."""

    def __init__(self):
        self.fields: dict[str, dict[bytes, list]] = {}
        self.memory = 0

    def add(self, item) -> None:
        fieldname, tbytes, docnum, weight, vbytes = item
        terms = self.fields.get(fieldname)
        if terms is None:
            terms = self.fields[fieldname] = {}
        postings = terms.get(tbytes)
        if postings is None:
            terms[tbytes] = [docnum, weight, vbytes]
            self.memory += TERM_BYTES
        else:
            postings += (docnum, weight, vbytes)
            self.memory += POSTING_BYTES

    def iter_postings(self):
        """(field, term, docnum, weight, value) in Whoosh's order, for its own posting writer."""
        for fieldname in sorted(self.fields):
            terms = self.fields[fieldname]
            for tbytes in sorted(terms):
                postings = terms[tbytes]
                for i in range(0, len(postings), 3):
                    yield fieldname, tbytes, postings[i], postings[i + 1], postings[i + 2]

    def cleanup(self) -> None:
        self.fields = {}


class GroupedSegmentWriter(SegmentWriter):
    """A Whoosh segment writer whose postings are grouped by term (see the module docstring).

    For a full build: several of them can write segments of one index at once (made with
    `locked=False` while one locked writer commits them all with `commit_with`)."""

    def __init__(self, ix, locked: bool = True, **options):
        try:
            super().__init__(ix, _lk=locked, **options)  # writes the new files' headers (a full disk fails here)
        except LockError:
            raise
        except BaseException:
            self.discard()
            raise
        self.pool = TermGroups()

    @property
    def memory(self) -> int:
        """Estimated bytes held by the postings so far."""
        return self.pool.memory

    def finish_segment(self):
        """Write this writer's documents as a segment and return it, uncommitted."""
        return self._finalize_segment()

    def commit_with(self, segments) -> None:
        """Commit this writer's documents (if any) along with segments other writers finished."""
        self._check_state()
        final = self._merge_segments(None, False, False)
        if self._added:
            final.append(self._finalize_segment())
        else:
            self._close_segment()
        self._commit_toc(final + list(segments))
        self._finish()

    def discard(self) -> None:
        """Stop a failed update and delete what it wrote: a full disk leaves the new segment's
        files half written, holding space the user needs (no table of contents names them).
        Also for a writer whose construction failed half way, so any attribute may be missing."""
        try:
            self.cancel()
        except Exception:  # it failed half way through opening or closing its files
            self.abandon()
            if hasattr(self, "_tempstorage"):
                self._tempstorage.destroy()
        if not hasattr(self, "newsegment"):
            return
        # the segment's files, and the temporary name Whoosh writes the table of contents under
        prefixes = (self.newsegment.segment_id() + ".", f"_{self.indexname}_{self.generation}.toc.")
        for name in self.storage.list():
            if name.startswith(prefixes):
                try:
                    self.storage.delete_file(name)
                except OSError:
                    pass  # swept by the next commit

    def abandon(self) -> None:
        """Stop without tidying up, for a build whose folder is about to be thrown away: unlike
        `cancel`, this leaves the temporary folder that other writers of the build share."""
        if getattr(self, "writelock", None):
            self.writelock.release()
        self.is_closed = True

    def _commit_toc(self, segments) -> None:
        """Whoosh's commit, except that replaced files stay a while for readers (index/retention.py)."""
        TOC(self.schema, segments, self.generation).write(self.storage, self.indexname)
        clean_files(self.storage, self.indexname, self.generation, segments, self.schema)

    def _flush_segment(self):
        if type(self.fieldwriter) is not W3FieldWriter:
            super()._flush_segment()  # another codec: Whoosh's own posting path, from our groups
            return
        self.perdocwriter.close()
        lengths = self.per_document_reader()
        try:
            for fieldname in sorted(self.pool.fields):
                self._write_field(fieldname, self.pool.fields[fieldname], lengths)
        finally:
            lengths.close()
        self.fieldwriter.close()

    def _write_field(self, fieldname: str, terms: dict, lengths) -> None:
        fieldwriter = self.fieldwriter
        fieldobj = self.schema[fieldname]
        fieldwriter.start_field(fieldname, fieldobj)
        prefix = pack_ushort(fieldwriter._fieldid)
        postfile, tindex = fieldwriter._postfile, fieldwriter._tindex
        field_lengths = [lengths.doc_field_length(docnum, fieldname) for docnum in range(self.docnum)]
        fixed_size = fieldobj.format.fixed_value_size()
        for tbytes in sorted(terms):
            postings = terms[tbytes]
            info = write_postings(postfile, postings[0::3], postings[1::3], postings[2::3], field_lengths, fixed_size)
            tindex.add(prefix + tbytes, info.to_bytes())
        fieldwriter.finish_field()


def write_postings(postfile, ids: list, weights: list, values: list, field_lengths: list, fixed_size) -> W3TermInfo:
    """Write one term's postings (in docnum order) as W3 blocks in one write; returns the
    term's info for the terms table."""
    weights = array("f", weights)  # the codec keeps weights as 32-bit floats
    count = len(ids)
    parts = [WHOOSH3_HEADER_MAGIC]
    shortest, longest = None, 0
    for first in range(0, count, BLOCK):
        last = first + BLOCK
        block_ids = ids[first:last]
        lengths = [length for length in map(field_lengths.__getitem__, block_ids) if length]
        low, high = (min(lengths), max(lengths)) if lengths else (None, 0)
        if low is not None and (shortest is None or low < shortest):
            shortest = low
        longest = max(longest, high)
        parts += _block(block_ids, weights[first:last], values[first:last], fixed_size, low, high, last >= count)
    data = b"".join(parts)
    info = W3TermInfo(weight=sum(weights), df=count, minlength=shortest, maxlength=longest,
                      maxweight=max(weights), minid=ids[0], maxid=ids[-1])
    info.set_extent(postfile.tell(), len(data))
    postfile.write(data)
    return info


def _block(ids, weights, values, fixed_size, shortest, longest, is_last) -> tuple[bytes, bytes, bytes]:
    """One block: its length (negative for a term's last), a pickled info tuple, the data."""
    deltas, previous = [], 0
    for docnum in ids:
        deltas.append(docnum - previous)
        previous = docnum
    data = pickle.dumps((tuple(deltas), _mini_weights(weights), _mini_values(values, fixed_size)), PICKLE)
    compression = 0
    if len(data) >= COMPRESS_FROM:
        compression = 3
        data = zlib.compress(data, compression)
    info = pickle.dumps((len(ids), ids[-1], max(weights), compression,
                         length_to_byte(shortest), length_to_byte(longest)), PICKLE)
    size = len(info) + len(data)
    return pack_int(-size if is_last else size), info, data


def _mini_weights(weights):
    """None when every weight is 1, one number when they are all equal, else all of them."""
    first = weights[0]
    if all(w == first for w in weights):
        return None if first == 1.0 else first
    return tuple(weights)


def _mini_values(values, fixed_size):
    values = [value for value in values if value]
    if fixed_size is None or fixed_size < 0:
        return tuple(values)
    if fixed_size == 0:
        return None
    return b"".join(values)
