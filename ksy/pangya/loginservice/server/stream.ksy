meta:
  id: pangya_loginservice_server_stream
  title: PangYa LoginService, server packets back to back
  application: PangYa
  license: ISC
  ks-version: '0.11'
  imports:
    - index
  endian: le
doc: |
  Decrypted, decompressed LoginService payloads from the server, concatenated as they are in a
  plaintext dump of the connection. The payload has no length of its own: each packet's spec
  says where it ends, so an unknown packet id ends what can be split.
doc-ref:
  - https://github.com/pangbox/packetdoc
# The game layer that decrypts the wire before this stream is split (pkttools/layers/pangya.py)
-pkttools-layer: pangya
seq:
  - id: packets
    type: pangya_loginservice_server
    repeat: eos
    doc: The packets, each starting with its u2 id.
