meta:
  id: pangya_fixed_text
  title: PangYa fixed-size text buffer
  application: PangYa
  license: ISC
  ks-version: '0.11'
  encoding: ISO-8859-11
  endian: le
doc: |
  A fixed-size `char` array as the servers' C and Pascal code sends it: the text up to the
  first NUL, then whatever the buffer held after it. Used as `size: N` with this type, so the
  array's size stays in the packet's spec.

  Some servers clear the buffer first (SuperSS-Dev, pangbox/server, hsreina), others reuse it
  (the Thai TH.R6.829.01 server's game server list shows `สยาม`, NUL, then `วิท`, the tail of
  the previous name `สุขุมวิท`). The text is `value`; the bytes after its NUL are kept as
  bytes in `after_nul`, so a captured packet rebuilds byte for byte, the name reads cleanly,
  and stale bytes never have to be valid text. Building fills `after_nul` with zeros when it is
  left out.
doc-ref:
  - https://github.com/Acrisio-Filho/SuperSS-Dev/blob/master/Server%20Lib/Projeto%20IOCP/TYPE/pangya_st.h
  - examples/pangya/loginservice/server/TH.R6.829.01/0002-190812.0431-0003-0803.bin
seq:
  - id: value
    type: strz
    eos-error: false
    doc: |
      The text, up to the first NUL. A text that fills the whole array has no NUL (it can be
      parsed, but not built: the writer always ends the text with a NUL).
  - id: after_nul
    size-eos: true
    doc: |
      The rest of the array after the NUL: zeros from servers that clear their buffers, stale
      memory from others.
