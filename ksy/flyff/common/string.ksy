meta:
  id: flyff_string
  title: FlyFF length-prefixed string
  application: FlyFF (Fly For Fun)
  license: GPL-3.0-only
  ks-version: '0.11'
  encoding: windows-1252
  endian: le
doc: |
  The seed's `[string]`: a signed 32-bit byte count, then that many bytes of text, with no
  terminator. The official client and servers write it with `CAr::WriteString` (an `int`
  length, then the characters); Rhisis and Hellion read and write code page 1252
  (Windows-1252), and names are ASCII in practice.

  The count is signed on the wire. A negative count is not a string: it fails validation here
  instead of being read as a huge unsigned length.
doc-ref:
  - https://github.com/ImranJagari/Hellion/blob/master/doc/packets/Cluster.md
  - https://github.com/Eastrall/Rhisis/blob/main/src/Rhisis.Protocol/FFPacket.cs
  - https://github.com/ImranJagari/Hellion/blob/master/src/Hellion.Core/Network/FFPacket.cs
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/_Network/Misc/Src/ar.cpp
seq:
  - id: len_value
    type: s4
    valid:
      min: 0
    doc: Length of the string in bytes (an `int`; never negative).
  - id: value
    type: str
    size: len_value
    doc: The text, Windows-1252, without a terminator.
