"""Read pcap and pcapng capture files one record at a time, without loading them.

The format is chosen by the file's magic bytes (a gzip-compressed capture is read through
gzip). dpkt decodes the file, record and block headers; the record loop is ours because a
demanding reader needs three things dpkt's readers do not give: the length each packet had on
the wire (a packet cut by the snap length is a hole in a TCP stream, not a short segment), a
pcapng file with several interfaces of different link types and timestamp resolutions, and a
truncated or corrupt file reported where it breaks instead of ending silently or raising.
"""

from __future__ import annotations

import gzip
import os
import struct
import zlib
from dataclasses import dataclass
from typing import BinaryIO, Iterator

from dpkt import NeedData, UnpackError
from dpkt import pcap as dpcap
from dpkt import pcapng as dpcapng

from ..errors import CaptureFileError, UsageError

PCAPNG_MAGIC = 0x0A0D0D0A
GZIP_MAGIC = b"\x1f\x8b"
# A record longer than this is a corrupt length field, not a packet (pcapng's and libpcap's
# own readers refuse the same way; their limit is 256 KiB for most link types).
MAX_RECORD = 16 << 20


@dataclass(slots=True)
class Record:
    """One captured packet: `number` counts from 1 as Wireshark numbers frames; `time` is in
    seconds since the epoch; `orig_len` is the packet's length on the wire (larger than
    `len(data)` when the capture kept only the first snap-length bytes)."""

    number: int
    time: float
    linktype: int
    data: bytes
    orig_len: int


@dataclass
class _Interface:
    linktype: int
    divisor: float = 1e6
    offset: int = 0
    snaplen: int = 0


class CaptureFile:
    """An open capture file; iterate it for `Record`s (once).

        with CaptureFile("login.pcapng") as cap:
            for record in cap:
                ...
            cap.warnings   # where the file was truncated or corrupt, if it was

    `position` and `size` are in bytes of the file on disk (for a progress bar).
    """

    def __init__(self, source: str | os.PathLike | BinaryIO):
        self.warnings: list[str] = []
        self.records = 0
        self.format = ""
        if isinstance(source, (str, os.PathLike)):
            self.path = str(source)
            try:
                self._raw: BinaryIO = open(source, "rb")
            except FileNotFoundError:
                raise UsageError(f"{self.path}: no such file") from None
            except IsADirectoryError:
                raise UsageError(f"{self.path}: is a directory, not a capture file") from None
            except OSError as exc:
                raise UsageError(f"{self.path}: cannot open: {exc.strerror}") from None
            self._owned = True
        else:
            self.path = getattr(source, "name", "<stream>")
            self._raw = source
            self._owned = False
        try:
            self.size = os.fstat(self._raw.fileno()).st_size
        except (OSError, AttributeError, ValueError):
            self.size = None
        self.compressed = False
        self._file: BinaryIO = self._raw
        head = self._peek(4)
        if head[:2] == GZIP_MAGIC:
            self.compressed = True
            self._file = gzip.GzipFile(fileobj=self._raw, mode="rb")
            head = self._peek(4)
        try:
            self._records = self._open(head)
        except BaseException:
            self.close()
            raise

    # -- public ---------------------------------------------------------------------------------
    def __iter__(self) -> Iterator[Record]:
        return self._records

    def __enter__(self) -> "CaptureFile":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._file is not self._raw:
            self._file.close()
        if self._owned:
            self._raw.close()

    @property
    def position(self) -> int:
        """Bytes of the file on disk read so far."""
        try:
            return self._raw.tell()
        except (OSError, ValueError):
            return 0

    # -- internals ------------------------------------------------------------------------------
    def _peek(self, n: int) -> bytes:
        """The first bytes of the (decompressed) file, without consuming them."""
        try:
            if hasattr(self._file, "peek"):
                return self._file.peek(n)[:n]
            data = self._file.read(n)
            self._file.seek(-len(data), os.SEEK_CUR)
            return data
        except (OSError, EOFError, zlib.error) as exc:
            raise CaptureFileError(f"{self.path}: cannot read: {exc}") from None

    def _read(self, n: int) -> bytes:
        try:
            return self._file.read(n)
        except (OSError, EOFError, zlib.error) as exc:  # a corrupt or cut gzip stream
            self.warnings.append(f"the compressed data is corrupt or cut after record "
                                 f"{self.records}: {exc}")
            return b""

    def _open(self, head: bytes) -> Iterator[Record]:
        if not head:
            raise CaptureFileError(f"{self.path}: the file is empty")
        if len(head) == 4 and struct.unpack("<I", head)[0] in dpcap.MAGIC_TO_PKT_HDR:
            self.format = "pcap"
            return self._pcap()
        if len(head) == 4 and struct.unpack("<I", head)[0] == PCAPNG_MAGIC:
            self.format = "pcapng"
            return self._pcapng()
        raise CaptureFileError(
            f"{self.path}: not a pcap or pcapng capture (it starts with {head.hex(' ')}; "
            f"pcap starts with d4 c3 b2 a1 or a1 b2 c3 d4, pcapng with 0a 0d 0d 0a)")

    def _truncated(self, what: str, offset: int) -> None:
        self.warnings.append(f"the file ends inside {what} at byte {offset} of the "
                             f"{'decompressed ' if self.compressed else ''}capture, after "
                             f"record {self.records}")

    # pcap: a file header, then (record header, packet bytes) pairs.
    def _pcap(self) -> Iterator[Record]:
        buf = self._read(dpcap.FileHdr.__hdr_len__)
        if len(buf) < dpcap.FileHdr.__hdr_len__:
            raise CaptureFileError(f"{self.path}: the pcap file header is cut short "
                                   f"({len(buf)} of 24 bytes)")
        magic = struct.unpack(">I", buf[:4])[0]
        big_endian = magic in (dpcap.TCPDUMP_MAGIC, dpcap.TCPDUMP_MAGIC_NANO,
                               dpcap.MODPCAP_MAGIC)
        header = dpcap.FileHdr(buf) if big_endian else dpcap.LEFileHdr(buf)
        nano = header.magic in (dpcap.TCPDUMP_MAGIC_NANO, dpcap.PMUDPCT_MAGIC_NANO)
        divisor = 1e9 if nano else 1e6
        record_header = dpcap.MAGIC_TO_PKT_HDR[header.magic if big_endian else magic]
        hdr_len = record_header.__hdr_len__
        linktype = header.linktype & 0x0FFFFFFF  # the upper bits carry FCS information
        return self._pcap_records(record_header, hdr_len, divisor, linktype)

    def _pcap_records(self, record_header, hdr_len: int, divisor: float,
                      linktype: int) -> Iterator[Record]:
        offset = 24
        read = self._read
        while True:
            buf = read(hdr_len)
            if not buf:
                return
            if len(buf) < hdr_len:
                self._truncated("a record header", offset)
                return
            rec = record_header(buf)
            if rec.caplen > MAX_RECORD:
                self.warnings.append(f"record {self.records + 1} at byte {offset} claims "
                                     f"{rec.caplen} bytes: the file is corrupt from there "
                                     f"on, and the rest is not read")
                return
            data = read(rec.caplen)
            if len(data) < rec.caplen:
                self._truncated(f"record {self.records + 1}", offset)
                return
            offset += hdr_len + rec.caplen
            self.records += 1
            yield Record(self.records, rec.tv_sec + rec.tv_usec / divisor, linktype, data,
                         max(rec.len, rec.caplen))

    # pcapng: blocks; each section header starts a new byte order and interface list.
    def _pcapng(self) -> Iterator[Record]:
        offset = 0
        interfaces: list[_Interface] = []
        little = True
        last_time = 0.0
        read = self._read
        while True:
            head = read(8)
            if not head:
                return
            if len(head) < 8:
                self._truncated("a block header", offset)
                return
            btype = struct.unpack("<I", head[:4])[0]
            if btype == PCAPNG_MAGIC:
                bom = read(4)
                if len(bom) < 4:
                    self._truncated("a section header", offset)
                    return
                if bom == b"\x4d\x3c\x2b\x1a":
                    little = True
                elif bom == b"\x1a\x2b\x3c\x4d":
                    little = False
                else:
                    self._corrupt(f"a section header with byte-order magic {bom.hex(' ')}",
                                  offset)
                    return
                head += bom
            else:
                btype = struct.unpack("<I" if little else ">I", head[:4])[0]
            length = struct.unpack("<I" if little else ">I", head[4:8])[0]
            if length < 12 or length % 4 or length > MAX_RECORD:
                self._corrupt(f"a block of type 0x{btype:08x} with length {length}", offset)
                return
            body = read(length - len(head))
            if len(body) < length - len(head):
                self._truncated(f"a block of type 0x{btype:08x}", offset)
                return
            block = head + body
            offset += length
            try:
                if btype == PCAPNG_MAGIC:
                    shb = (dpcapng.SectionHeaderBlockLE if little
                           else dpcapng.SectionHeaderBlock)(block)
                    if shb.v_major != dpcapng.PCAPNG_VERSION_MAJOR:
                        self._corrupt(f"a section of pcapng version {shb.v_major}."
                                      f"{shb.v_minor}", offset - length)
                        return
                    interfaces = []
                elif btype == dpcapng.PCAPNG_BT_IDB:
                    interfaces.append(_interface(
                        (dpcapng.InterfaceDescriptionBlockLE if little
                         else dpcapng.InterfaceDescriptionBlock)(block), little))
                elif btype in (dpcapng.PCAPNG_BT_EPB, dpcapng.PCAPNG_BT_PB):
                    cls = (dpcapng.EnhancedPacketBlockLE if little
                           else dpcapng.EnhancedPacketBlock) \
                        if btype == dpcapng.PCAPNG_BT_EPB else \
                        (dpcapng.PacketBlockLE if little else dpcapng.PacketBlock)
                    epb = cls(block)
                    if epb.iface_id >= len(interfaces):
                        self._corrupt(f"a packet on interface {epb.iface_id}, which no "
                                      f"interface block describes", offset - length)
                        return
                    iface = interfaces[epb.iface_id]
                    last_time = iface.offset + ((epb.ts_high << 32) | epb.ts_low) / iface.divisor
                    self.records += 1
                    yield Record(self.records, last_time, iface.linktype, epb.pkt_data,
                                 max(epb.pkt_len, len(epb.pkt_data)))
                elif btype == dpcapng.PCAPNG_BT_SPB:
                    if not interfaces:
                        self._corrupt("a simple packet block before any interface block",
                                      offset - length)
                        return
                    orig = struct.unpack("<I" if little else ">I", block[8:12])[0]
                    iface = interfaces[0]
                    keep = min(orig, length - 16, iface.snaplen or orig)
                    self.records += 1
                    # A simple packet block has no timestamp: it gets the previous one.
                    yield Record(self.records, last_time, iface.linktype, block[12:12 + keep],
                                 orig)
                # Other blocks (name resolution, statistics, secrets, custom) hold no packets.
            except (NeedData, UnpackError, struct.error) as exc:
                self._corrupt(f"a block of type 0x{btype:08x} that does not decode ({exc})",
                              offset - length)
                return

    def _corrupt(self, what: str, offset: int) -> None:
        self.warnings.append(f"{what} at byte {offset}: the file is corrupt from there on, "
                             f"and the rest is not read")


def _interface(idb, little: bool) -> _Interface:
    iface = _Interface(idb.linktype, snaplen=idb.snaplen)
    for opt in idb.opts:
        if opt.code == dpcapng.PCAPNG_OPT_IF_TSRESOL and opt.data:
            value = opt.data[0]
            iface.divisor = float((2 if value & 0x80 else 10) ** (value & 0x7F))
        elif opt.code == dpcapng.PCAPNG_OPT_IF_TSOFFSET and len(opt.data) == 8:
            iface.offset = struct.unpack("<q" if little else ">q", opt.data)[0]
    return iface


def require_capture_file(path: str) -> None:
    """A UsageError naming what `path` is when it cannot be a capture file, before any work
    starts on a list of them (a worker would only find out later)."""
    if os.path.isfile(path):
        return
    if not os.path.exists(path):
        raise UsageError(f"{path}: no such file")
    if os.path.isdir(path):
        raise UsageError(f"{path}: is a directory, not a capture file")
    raise UsageError(f"{path}: not a regular file (a device, pipe or socket); give a capture "
                     f"file")


def open_capture(source: str | os.PathLike | BinaryIO) -> CaptureFile:
    """Open a pcap or pcapng file (optionally gzip-compressed), chosen by its magic bytes."""
    return CaptureFile(source)


__all__ = ["CaptureFile", "CaptureFileError", "Record", "open_capture"]
