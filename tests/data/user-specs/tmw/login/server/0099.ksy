meta:
  id: tmw_login_server_0099_kick
  title: TMW login, server 0x0099 Kick (a user's spec, for the tests)
  ks-version: '0.11'
  endian: le
doc: |
  An invented packet (tmwAthena's login server has no 0x0099) standing for one a user decoded:
  the server tells the client why it closes the connection.
seq:
  - id: reason
    type: u1
    enum: reason
    doc: Why the server closes the connection.
enums:
  reason:
    1:
      id: idle
      doc: The client sent nothing for too long.
    3:
      id: maintenance
      doc: The server goes down for maintenance.
