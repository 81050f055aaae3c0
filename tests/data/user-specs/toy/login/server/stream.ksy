meta:
  id: toy_login_server_stream
  title: Toy login server, a whole server-to-client stream
  ks-version: '0.11'
  imports:
    - index
  endian: le
doc: The server's packets back to back; each knows its own length.
seq:
  - id: packets
    type: toy_login_server
    repeat: eos
    doc: The packets.
