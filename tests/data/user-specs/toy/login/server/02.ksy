meta:
  id: toy_login_server_02_motd
  title: Toy login, server 0x02 Message of the day
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
doc: The message of the day, as a length-prefixed text.
seq:
  - id: len_text
    type: u1
    doc: Length of `text` in bytes.
  - id: text
    type: str
    size: len_text
    doc: The message.
