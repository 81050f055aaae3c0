meta:
  id: pangya_pstring
  title: PangYa length-prefixed string
  application: PangYa
  license: ISC
  ks-version: '0.11'
  encoding: ISO-8859-11
  endian: le
doc: |
  Pascal-style string: a u2 byte count, then that many bytes of text, no terminator.

  packetdoc declares `encoding: ASCII`, but the Thai (TH.R6.829.01) server writes Thai server
  and user names as TIS-620 bytes, which an ASCII decoder rejects. The spec uses ISO-8859-11
  (TIS-620 plus NBSP at 0xA0): ASCII text is unchanged and every byte a Thai client sends
  decodes. Python decodes it with its iso8859_11 codec; JavaScript's TextDecoder treats the
  label as windows-874, which only differs in 0x80-0x9F.
doc-ref:
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/common/pstring.ksy
  - https://encoding.spec.whatwg.org/#names-and-labels
seq:
  - id: len_value
    -orig-id: length
    type: u2
    doc: Length of the string, in bytes.
  - id: value
    -orig-id: data
    type: str
    size: len_value
    doc: Content of the string, with no null terminator.
