meta:
  id: tmw_char_server
  title: The Mana World char-server, packets sent by the server
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - '0062'
    - '006b'
    - '006c'
    - '006d'
    - '006e'
    - '006f'
    - '0070'
    - '0071'
    - '0081'
    - '7531'
    - '8000'
  endian: le
doc: |
  One packet sent by the TMW char-server (tmwAthena tmwa-char, port 6122 in TMW's server data) to
  a client: the u2 packet id, then the packet it names. TMW has no frame header and no
  encryption: a TCP stream is these packets back to back, and each packet spec knows its own
  length (stream.ksy).

  The custom key -pkttools-packet-lengths lists every other packet id tmwAthena knows (its
  tools/protocol.py: the public protocol of every server, the inter-server and admin packets)
  with its byte length, or `variable` when the u2 at offset 2 is the total length, so a
  reader can step over packets that have no spec here. Ids with a spec are not listed: their
  spec gives the length.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/char/char.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/packetsin.inc
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/packetsout.inc
seq:
  - id: packet_id
    type: u2
    enum: packet_id
    doc: Which packet follows (little-endian, like every TMW integer).
  - id: body
    type:
      switch-on: packet_id
      cases:
        packet_id::change_password_response: tmw_char_server_0062_change_password_response
        packet_id::char_login: tmw_char_server_006b_char_login
        packet_id::char_login_error: tmw_char_server_006c_char_login_error
        packet_id::char_create_succeeded: tmw_char_server_006d_char_create_succeeded
        packet_id::char_create_failed: tmw_char_server_006e_char_create_failed
        packet_id::char_delete_succeeded: tmw_char_server_006f_char_delete_succeeded
        packet_id::char_delete_failed: tmw_char_server_0070_char_delete_failed
        packet_id::char_map_info: tmw_char_server_0071_char_map_info
        packet_id::connection_problem: tmw_char_server_0081_connection_problem
        packet_id::server_version: tmw_char_server_7531_server_version
        packet_id::hold: tmw_char_server_8000_hold
    doc: The packet named by packet_id.
enums:
  packet_id:
    0x0062:
      id: change_password_response
      -orig-id: SMSG_CHAR_PASSWORD_RESPONSE
      doc: Change Password Response; 3 bytes.
    0x006b:
      id: char_login
      -orig-id: SMSG_CHAR_LOGIN
      doc: Char Login (character list); variable length.
    0x006c:
      id: char_login_error
      -orig-id: SMSG_CHAR_LOGIN_ERROR
      doc: Char Login Error; 3 bytes.
    0x006d:
      id: char_create_succeeded
      -orig-id: SMSG_CHAR_CREATE_SUCCEEDED
      doc: Char Create Succeeded; 108 bytes.
    0x006e:
      id: char_create_failed
      -orig-id: SMSG_CHAR_CREATE_FAILED
      doc: Char Create Failed; 3 bytes.
    0x006f:
      id: char_delete_succeeded
      -orig-id: SMSG_CHAR_DELETE_SUCCEEDED
      doc: Char Delete Succeeded; 2 bytes.
    0x0070:
      id: char_delete_failed
      -orig-id: SMSG_CHAR_DELETE_FAILED
      doc: Char Delete Failed; 3 bytes.
    0x0071:
      id: char_map_info
      -orig-id: SMSG_CHAR_MAP_INFO
      doc: Char Map Info; 28 bytes.
    0x0081:
      id: connection_problem
      -orig-id: SMSG_CONNECTION_PROBLEM
      doc: Connection Problem; 3 bytes.
    0x7531:
      id: server_version
      -orig-id: SMSG_SERVER_VERSION_RESPONSE
      doc: Server Version; 10 bytes.
    0x8000:
      id: hold
      -orig-id: special hold notify
      doc: Hold (special packet); 4 bytes.
-pkttools-packet-lengths:
  0x0061: 50
  0x0063: variable
  0x0064: 55
  0x0065: 17
  0x0066: 3
  0x0067: 37
  0x0068: 46
  0x0069: variable
  0x006a: 23
  0x0072: 19
  0x0073: 11
  0x0078: 54
  0x007b: 60
  0x007c: 41
  0x007d: 2
  0x007e: 6
  0x007f: 6
  0x0080: 7
  0x0085: 5
  0x0087: 12
  0x0088: 10
  0x0089: 7
  0x008a: 29
  0x008c: variable
  0x008d: variable
  0x008e: variable
  0x0090: 7
  0x0091: 22
  0x0092: 28
  0x0094: 6
  0x0095: 30
  0x0096: variable
  0x0097: variable
  0x0098: 3
  0x009a: variable
  0x009b: 5
  0x009c: 9
  0x009d: 17
  0x009e: 17
  0x009f: 6
  0x00a0: 23
  0x00a1: 6
  0x00a2: 6
  0x00a4: variable
  0x00a6: variable
  0x00a7: 8
  0x00a8: 7
  0x00a9: 6
  0x00aa: 7
  0x00ab: 4
  0x00ac: 7
  0x00af: 6
  0x00b0: 8
  0x00b1: 8
  0x00b2: 3
  0x00b3: 3
  0x00b4: variable
  0x00b5: 6
  0x00b6: 6
  0x00b7: variable
  0x00b8: 7
  0x00b9: 6
  0x00bb: 5
  0x00bc: 6
  0x00bd: 44
  0x00be: 5
  0x00bf: 3
  0x00c0: 7
  0x00c4: 6
  0x00c5: 7
  0x00c6: variable
  0x00c7: variable
  0x00c8: variable
  0x00c9: variable
  0x00ca: 3
  0x00cb: 3
  0x00cd: 6
  0x00e4: 6
  0x00e5: 26
  0x00e6: 3
  0x00e7: 3
  0x00e8: 8
  0x00e9: 19
  0x00eb: 2
  0x00ec: 3
  0x00ed: 2
  0x00ee: 2
  0x00ef: 2
  0x00f0: 3
  0x00f2: 6
  0x00f3: 8
  0x00f4: 21
  0x00f5: 8
  0x00f6: 8
  0x00f7: 2
  0x00f8: 2
  0x00f9: 26
  0x00fa: 3
  0x00fb: variable
  0x00fc: 6
  0x00fd: 27
  0x00fe: 30
  0x00ff: 10
  0x0100: 2
  0x0101: 6
  0x0102: 6
  0x0103: 30
  0x0105: 31
  0x0106: 10
  0x0107: 10
  0x0108: variable
  0x0109: variable
  0x010e: 11
  0x010f: variable
  0x0110: 10
  0x0112: 4
  0x0118: 2
  0x0119: 13
  0x0139: 16
  0x013a: 4
  0x013b: 4
  0x013c: 4
  0x0141: 14
  0x0142: 6
  0x0143: 10
  0x0146: 6
  0x0148: 8
  0x018a: 4
  0x018b: 4
  0x0195: 102
  0x0196: 9
  0x0199: 4
  0x019a: 14
  0x019b: 10
  0x01b1: 7
  0x01c8: 13
  0x01d4: 6
  0x01d5: variable
  0x01d7: 11
  0x01d8: 54
  0x01d9: 53
  0x01da: 60
  0x01de: 33
  0x01ee: variable
  0x01f0: variable
  0x020c: 10
  0x0210: 2
  0x0211: variable
  0x0212: 16
  0x0214: 8
  0x0215: variable
  0x0225: variable
  0x0226: 10
  0x0227: variable
  0x0228: variable
  0x0229: variable
  0x0230: variable
  0x0231: 34
  0x0232: 10
  0x0233: 14
  0x2710: 86
  0x2711: 3
  0x2712: 19
  0x2713: 55
  0x2714: 6
  0x2715: 22
  0x2716: 6
  0x2717: 50
  0x2720: variable
  0x2721: 10
  0x2722: 86
  0x2723: 7
  0x2724: 10
  0x2725: 18
  0x2726: variable
  0x2727: 7
  0x2728: variable
  0x2729: variable
  0x272a: 6
  0x2730: 6
  0x2731: 11
  0x2732: variable
  0x2740: 54
  0x2741: 7
  0x2742: 22
  0x2af8: 60
  0x2af9: 3
  0x2afa: variable
  0x2afb: 27
  0x2afc: 22
  0x2afd: variable
  0x2afe: 6
  0x2aff: variable
  0x2b00: 6
  0x2b01: variable
  0x2b02: 22
  0x2b03: 7
  0x2b04: variable
  0x2b05: 49
  0x2b06: 44
  0x2b0a: variable
  0x2b0b: 10
  0x2b0c: 86
  0x2b0d: 7
  0x2b0e: 44
  0x2b0f: 34
  0x2b10: variable
  0x2b11: variable
  0x2b12: 10
  0x2b13: 6
  0x2b14: 11
  0x2b15: variable
  0x2b16: 6
  0x3000: variable
  0x3001: variable
  0x3002: 7
  0x3003: variable
  0x3004: variable
  0x3005: 6
  0x3010: 6
  0x3011: variable
  0x3020: 72
  0x3021: 6
  0x3022: 52
  0x3023: 14
  0x3024: 10
  0x3025: 29
  0x3026: 11
  0x3027: variable
  0x3028: 34
  0x3800: variable
  0x3801: variable
  0x3802: 27
  0x3803: variable
  0x3804: variable
  0x3810: variable
  0x3811: 7
  0x3820: 35
  0x3821: variable
  0x3822: 11
  0x3823: 15
  0x3824: 34
  0x3825: 29
  0x3826: 7
  0x3827: variable
  0x3828: 11
  0x3829: 22
  0x3830: 22
  0x7530: 2
  0x7532: 2
  0x7918: 28
  0x7919: 3
  0x7920: 10
  0x7921: variable
  0x7930: 91
  0x7931: 30
  0x7932: 26
  0x7933: 30
  0x7934: 50
  0x7935: 30
  0x7936: 50
  0x7937: 34
  0x7938: 2
  0x7939: variable
  0x793a: 50
  0x793b: 30
  0x793c: 27
  0x793d: 30
  0x793e: 27
  0x793f: 30
  0x7940: 66
  0x7941: 30
  0x7942: variable
  0x7943: 30
  0x7944: 26
  0x7945: 30
  0x7946: 6
  0x7947: 30
  0x794a: 30
  0x794b: 34
  0x794c: 38
  0x794d: 34
  0x794e: variable
  0x794f: 4
  0x7952: 26
  0x7953: variable
  0x7954: 6
  0x7955: 2
  0x7956: 6
  0x7957: variable
  0x7958: 38
  0x7959: 42
  0x795a: 42
  0x795b: 8
  0x795c: 38
