meta:
  id: toy_login_server_01_welcome
  title: Toy login, server 0x01 Welcome
  ks-version: '0.11'
  endian: le
doc: Greets the client with the server's version.
seq:
  - id: version
    type: u2
    doc: The server's version.
