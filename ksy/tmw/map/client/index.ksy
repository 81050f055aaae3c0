meta:
  id: tmw_map_client
  title: The Mana World map server, packets sent by the client
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - '0072'
    - '007d'
    - '007e'
    - '0085'
    - '0089'
    - '008c'
    - '0090'
    - '0094'
    - '0096'
    - '009b'
    - '009f'
    - '00a2'
    - '00a7'
    - '00a9'
    - '00ab'
    - '00b2'
    - '00b8'
    - '00b9'
    - '00bb'
    - '00bf'
    - '00c5'
    - '00c8'
    - '00c9'
    - '00e4'
    - '00e6'
    - '00e8'
    - '00eb'
    - '00ed'
    - '00ef'
    - '00f3'
    - '00f5'
    - '00f7'
    - '00f9'
    - '00fc'
    - '00ff'
    - '0100'
    - '0102'
    - '0103'
    - '0108'
    - '0112'
    - '0118'
    - '0143'
    - '0146'
    - '018a'
    - '01d5'
    - '0210'
    - '7530'
    - '7532'
  endian: le
doc: |
  One packet sent by a TMW client to the map server (tmwAthena tmwa-map, port 5122 in TMW's
  server data): the u2 packet id, then the packet it names. TMW has no frame header and no
  encryption: a TCP stream is these packets back to back, and each packet spec knows its own
  length (stream.ksy).

  The custom key -pkttools-packet-lengths lists every other packet id tmwAthena knows (its
  tools/protocol.py: the public protocol of every server, the inter-server and admin packets)
  with its byte length, or `variable` when the u2 at offset 2 is the total length, so a
  reader can step over packets that have no spec here. Ids with a spec are not listed: their
  spec gives the length.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
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
        packet_id::map_server_connect: tmw_map_client_0072_map_server_connect
        packet_id::map_loaded: tmw_map_client_007d_map_loaded
        packet_id::map_ping: tmw_map_client_007e_map_ping
        packet_id::walk_request: tmw_map_client_0085_walk_request
        packet_id::player_change_act: tmw_map_client_0089_player_change_act
        packet_id::chat_message: tmw_map_client_008c_chat_message
        packet_id::npc_talk: tmw_map_client_0090_npc_talk
        packet_id::name_request: tmw_map_client_0094_name_request
        packet_id::chat_whisper: tmw_map_client_0096_chat_whisper
        packet_id::player_change_dir: tmw_map_client_009b_player_change_dir
        packet_id::item_pickup: tmw_map_client_009f_item_pickup
        packet_id::player_inventory_drop: tmw_map_client_00a2_player_inventory_drop
        packet_id::player_inventory_use: tmw_map_client_00a7_player_inventory_use
        packet_id::player_equip: tmw_map_client_00a9_player_equip
        packet_id::player_unequip: tmw_map_client_00ab_player_unequip
        packet_id::player_reboot: tmw_map_client_00b2_player_reboot
        packet_id::npc_list_choice: tmw_map_client_00b8_npc_list_choice
        packet_id::npc_next_request: tmw_map_client_00b9_npc_next_request
        packet_id::stat_update_request: tmw_map_client_00bb_stat_update_request
        packet_id::player_emote: tmw_map_client_00bf_player_emote
        packet_id::npc_buy_sell_request: tmw_map_client_00c5_npc_buy_sell_request
        packet_id::npc_buy_request: tmw_map_client_00c8_npc_buy_request
        packet_id::npc_sell_request: tmw_map_client_00c9_npc_sell_request
        packet_id::trade_request: tmw_map_client_00e4_trade_request
        packet_id::trade_response_request: tmw_map_client_00e6_trade_response_request
        packet_id::trade_item_add_request: tmw_map_client_00e8_trade_item_add_request
        packet_id::trade_add_complete: tmw_map_client_00eb_trade_add_complete
        packet_id::trade_cancel_request: tmw_map_client_00ed_trade_cancel_request
        packet_id::trade_ok_request: tmw_map_client_00ef_trade_ok_request
        packet_id::move_to_storage: tmw_map_client_00f3_move_to_storage
        packet_id::move_from_storage: tmw_map_client_00f5_move_from_storage
        packet_id::close_storage: tmw_map_client_00f7_close_storage
        packet_id::party_create: tmw_map_client_00f9_party_create
        packet_id::party_invite: tmw_map_client_00fc_party_invite
        packet_id::party_invited_response: tmw_map_client_00ff_party_invited_response
        packet_id::party_leave: tmw_map_client_0100_party_leave
        packet_id::party_settings_request: tmw_map_client_0102_party_settings_request
        packet_id::party_kick: tmw_map_client_0103_party_kick
        packet_id::party_message: tmw_map_client_0108_party_message
        packet_id::skill_levelup_request: tmw_map_client_0112_skill_levelup_request
        packet_id::player_stop_attack: tmw_map_client_0118_player_stop_attack
        packet_id::npc_int_response: tmw_map_client_0143_npc_int_response
        packet_id::npc_close_request: tmw_map_client_0146_npc_close_request
        packet_id::client_quit: tmw_map_client_018a_client_quit
        packet_id::npc_str_response: tmw_map_client_01d5_npc_str_response
        packet_id::online_list: tmw_map_client_0210_online_list
        packet_id::server_version_request: tmw_map_client_7530_server_version_request
        packet_id::client_disconnect: tmw_map_client_7532_client_disconnect
    doc: The packet named by packet_id.
enums:
  packet_id:
    0x0072:
      id: map_server_connect
      -orig-id: CMSG_MAP_SERVER_CONNECT
      doc: Map Server Connect; 19 bytes.
    0x007d:
      id: map_loaded
      -orig-id: CMSG_MAP_LOADED
      doc: Map Loaded; 2 bytes.
    0x007e:
      id: map_ping
      -orig-id: CMSG_MAP_PING
      doc: Map Ping; 6 bytes.
    0x0085:
      id: walk_request
      -orig-id: CMSG_PLAYER_CHANGE_DEST
      doc: Walk Request; 5 bytes.
    0x0089:
      id: player_change_act
      -orig-id: CMSG_PLAYER_CHANGE_ACT
      doc: Player Change Act; 7 bytes.
    0x008c:
      id: chat_message
      -orig-id: CMSG_CHAT_MESSAGE
      doc: Chat Message; variable length.
    0x0090:
      id: npc_talk
      -orig-id: CMSG_NPC_TALK
      doc: NPC Talk; 7 bytes.
    0x0094:
      id: name_request
      -orig-id: CMSG_NAME_REQUEST
      doc: Name Request; 6 bytes.
    0x0096:
      id: chat_whisper
      -orig-id: CMSG_CHAT_WHISPER
      doc: Chat Whisper; variable length.
    0x009b:
      id: player_change_dir
      -orig-id: CMSG_PLAYER_CHANGE_DIR
      doc: Player Change Dir; 5 bytes.
    0x009f:
      id: item_pickup
      -orig-id: CMSG_ITEM_PICKUP
      doc: Item Pickup; 6 bytes.
    0x00a2:
      id: player_inventory_drop
      -orig-id: CMSG_PLAYER_INVENTORY_DROP
      doc: Player Inventory Drop; 6 bytes.
    0x00a7:
      id: player_inventory_use
      -orig-id: CMSG_PLAYER_INVENTORY_USE
      doc: Player Inventory Use; 8 bytes.
    0x00a9:
      id: player_equip
      -orig-id: CMSG_PLAYER_EQUIP
      doc: Player Equip; 6 bytes.
    0x00ab:
      id: player_unequip
      -orig-id: CMSG_PLAYER_UNEQUIP
      doc: Player Unequip; 4 bytes.
    0x00b2:
      id: player_reboot
      -orig-id: CMSG_PLAYER_REBOOT
      doc: Player Reboot; 3 bytes.
    0x00b8:
      id: npc_list_choice
      -orig-id: CMSG_NPC_LIST_CHOICE
      doc: NPC List Choice; 7 bytes.
    0x00b9:
      id: npc_next_request
      -orig-id: CMSG_NPC_NEXT_REQUEST
      doc: NPC Next Request; 6 bytes.
    0x00bb:
      id: stat_update_request
      -orig-id: CMSG_STAT_UPDATE_REQUEST
      doc: Stat Update Request; 5 bytes.
    0x00bf:
      id: player_emote
      -orig-id: CMSG_PLAYER_EMOTE
      doc: Player Emote; 3 bytes.
    0x00c5:
      id: npc_buy_sell_request
      -orig-id: CMSG_NPC_BUY_SELL_REQUEST
      doc: NPC Buy Sell Request; 7 bytes.
    0x00c8:
      id: npc_buy_request
      -orig-id: CMSG_NPC_BUY_REQUEST
      doc: NPC Buy Request; variable length.
    0x00c9:
      id: npc_sell_request
      -orig-id: CMSG_NPC_SELL_REQUEST
      doc: NPC Sell Request; variable length.
    0x00e4:
      id: trade_request
      -orig-id: CMSG_TRADE_REQUEST
      doc: Trade Request; 6 bytes.
    0x00e6:
      id: trade_response_request
      -orig-id: CMSG_TRADE_RESPONSE
      doc: Trade Response Request; 3 bytes.
    0x00e8:
      id: trade_item_add_request
      -orig-id: CMSG_TRADE_ITEM_ADD_REQUEST
      doc: Trade Item Add Request; 8 bytes.
    0x00eb:
      id: trade_add_complete
      -orig-id: CMSG_TRADE_ADD_COMPLETE
      doc: Trade Add Complete; 2 bytes.
    0x00ed:
      id: trade_cancel_request
      -orig-id: CMSG_TRADE_CANCEL_REQUEST
      doc: Trade Cancel Request; 2 bytes.
    0x00ef:
      id: trade_ok_request
      -orig-id: CMSG_TRADE_OK
      doc: Trade OK Request; 2 bytes.
    0x00f3:
      id: move_to_storage
      -orig-id: CMSG_MOVE_TO_STORAGE
      doc: Move To Storage; 8 bytes.
    0x00f5:
      id: move_from_storage
      -orig-id: CMSG_MOVE_FROM_STORAGE
      doc: Move From Storage; 8 bytes.
    0x00f7:
      id: close_storage
      -orig-id: CMSG_CLOSE_STORAGE
      doc: Close Storage; 2 bytes.
    0x00f9:
      id: party_create
      -orig-id: CMSG_PARTY_CREATE
      doc: Party Create; 26 bytes.
    0x00fc:
      id: party_invite
      -orig-id: CMSG_PARTY_INVITE
      doc: Party Invite; 6 bytes.
    0x00ff:
      id: party_invited_response
      -orig-id: CMSG_PARTY_INVITED
      doc: Party Invited Response; 10 bytes.
    0x0100:
      id: party_leave
      -orig-id: CMSG_PARTY_LEAVE
      doc: Party Leave; 2 bytes.
    0x0102:
      id: party_settings_request
      -orig-id: CMSG_PARTY_SETTINGS
      doc: Party Settings Request; 6 bytes.
    0x0103:
      id: party_kick
      -orig-id: CMSG_PARTY_KICK
      doc: Party Kick; 30 bytes.
    0x0108:
      id: party_message
      -orig-id: CMSG_PARTY_MESSAGE
      doc: Party Message; variable length.
    0x0112:
      id: skill_levelup_request
      -orig-id: CMSG_SKILL_LEVELUP_REQUEST
      doc: Skill Levelup Request; 4 bytes.
    0x0118:
      id: player_stop_attack
      -orig-id: CMSG_PLAYER_STOP_ATTACK
      doc: Player Stop Attack; 2 bytes.
    0x0143:
      id: npc_int_response
      -orig-id: CMSG_NPC_INT_RESPONSE
      doc: NPC Int Response; 10 bytes.
    0x0146:
      id: npc_close_request
      -orig-id: CMSG_NPC_CLOSE
      doc: NPC Close Request; 6 bytes.
    0x018a:
      id: client_quit
      -orig-id: CMSG_CLIENT_QUIT
      doc: Client Quit; 4 bytes.
    0x01d5:
      id: npc_str_response
      -orig-id: CMSG_NPC_STR_RESPONSE
      doc: NPC Str Response; variable length.
    0x0210:
      id: online_list
      -orig-id: CMSG_ONLINE_LIST
      doc: Online List; 2 bytes.
    0x7530:
      id: server_version_request
      -orig-id: CMSG_SERVER_VERSION_REQUEST
      doc: Server Version Request; 2 bytes.
    0x7532:
      id: client_disconnect
      -orig-id: CMSG_CLIENT_DISCONNECT
      doc: Client Disconnect; 2 bytes.
-pkttools-packet-lengths:
  0x0061: 50
  0x0062: 3
  0x0063: variable
  0x0064: 55
  0x0065: 17
  0x0066: 3
  0x0067: 37
  0x0068: 46
  0x0069: variable
  0x006a: 23
  0x006b: variable
  0x006c: 3
  0x006d: 108
  0x006e: 3
  0x006f: 2
  0x0070: 3
  0x0071: 28
  0x0073: 11
  0x0078: 54
  0x007b: 60
  0x007c: 41
  0x007f: 6
  0x0080: 7
  0x0081: 3
  0x0087: 12
  0x0088: 10
  0x008a: 29
  0x008d: variable
  0x008e: variable
  0x0091: 22
  0x0092: 28
  0x0095: 30
  0x0097: variable
  0x0098: 3
  0x009a: variable
  0x009c: 9
  0x009d: 17
  0x009e: 17
  0x00a0: 23
  0x00a1: 6
  0x00a4: variable
  0x00a6: variable
  0x00a8: 7
  0x00aa: 7
  0x00ac: 7
  0x00af: 6
  0x00b0: 8
  0x00b1: 8
  0x00b3: 3
  0x00b4: variable
  0x00b5: 6
  0x00b6: 6
  0x00b7: variable
  0x00bc: 6
  0x00bd: 44
  0x00be: 5
  0x00c0: 7
  0x00c4: 6
  0x00c6: variable
  0x00c7: variable
  0x00ca: 3
  0x00cb: 3
  0x00cd: 6
  0x00e5: 26
  0x00e7: 3
  0x00e9: 19
  0x00ec: 3
  0x00ee: 2
  0x00f0: 3
  0x00f2: 6
  0x00f4: 21
  0x00f6: 8
  0x00f8: 2
  0x00fa: 3
  0x00fb: variable
  0x00fd: 27
  0x00fe: 30
  0x0101: 6
  0x0105: 31
  0x0106: 10
  0x0107: 10
  0x0109: variable
  0x010e: 11
  0x010f: variable
  0x0110: 10
  0x0119: 13
  0x0139: 16
  0x013a: 4
  0x013b: 4
  0x013c: 4
  0x0141: 14
  0x0142: 6
  0x0148: 8
  0x018b: 4
  0x0195: 102
  0x0196: 9
  0x0199: 4
  0x019a: 14
  0x019b: 10
  0x01b1: 7
  0x01c8: 13
  0x01d4: 6
  0x01d7: 11
  0x01d8: 54
  0x01d9: 53
  0x01da: 60
  0x01de: 33
  0x01ee: variable
  0x01f0: variable
  0x020c: 10
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
  0x7531: 10
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
  0x8000: 4
