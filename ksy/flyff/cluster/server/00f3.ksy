meta:
  id: flyff_cluster_server_00f3_character_list
  title: Cluster server 0xF3 character list
  application: FlyFF (Fly For Fun)
  license: GPL-3.0-only
  ks-version: '0.11'
  imports:
    - ../../common/string
    - ../../common/enums
  endian: le
-orig-id: CharacterList
doc: |
  The account's characters, shown in the character selection window: sent in answer to the
  character list request (client 0xF6) and again after a character is created or deleted.
  Every character comes with its equipped item ids, so the client can draw it; the messenger
  section carries each character's messenger (friend list) state.

  Seed: `ClusterHeaders.Outgoing.CharacterList (0xF3)`; official source:
  `PACKETTYPE_PLAYER_LIST`, written by the database server (`CDbManager::SendPlayerList`) and
  read by `CDPLoginClient::OnPlayerList`. Rhisis (`PlayerListPacket`) and Hellion
  (`SendCharacterList`) write the same character layout.

  The seed leaves three character fields as `??` and the messenger section as a TODO; the
  official writer and reader name them, and this spec follows them: `block_state` (1 usable,
  0 blocked), `job_level` (always 0), `mode` (mode flags), and one messenger entry per
  character. Rhisis and Hellion always send zero messenger entries. The official database
  server sends at most three characters (slots 0 to 2) and one messenger entry per character.

  Counts are signed `int`s on the wire: a negative count fails validation.
doc-ref:
  - https://github.com/ImranJagari/Hellion/blob/master/doc/packets/Cluster.md
  - https://github.com/ImranJagari/Hellion/blob/master/src/Hellion.Cluster/Client/ClusterClient.Outgoing.cs
  - https://github.com/Eastrall/Rhisis/blob/main/src/Rhisis.Game/Protocol/Packets/Cluster/Server/PlayerListPacket.cs
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/_Database/DbManager.cpp
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/Neuz/DPLoginClient.cpp
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/_Common/rtmessenger.cpp
seq:
  - id: auth_key
    -orig-id: authKey
    type: u4
    doc: |
      The session key of the character list request, echoed; the official client ignores a
      list whose key is not its own. Rhisis always sends 0.
  - id: num_characters
    -orig-id: characterCount
    type: s4
    valid:
      min: 0
    doc: Number of characters that follow (0 to 3 from the official server).
  - id: characters
    type: character
    repeat: expr
    repeat-expr: num_characters
    doc: The account's characters, in the order the server lists them.
  - id: num_messengers
    -orig-id: messengerCount
    type: s4
    valid:
      min: 0
    doc: |
      Number of messenger entries that follow. The seed names the count `messengerCount`
      (`// Mail ?`) and leaves its entries as a TODO; Rhisis and Hellion write 0.
  - id: messengers
    type: messenger
    repeat: expr
    repeat-expr: num_messengers
    doc: One messenger entry per character (official database server).
types:
  character:
    doc: |
      One character of the account, in the order of the seed (and of the official
      `SendPlayerList`).
    seq:
      - id: slot
        -orig-id: slot
        type: s4
        doc: Slot of the character in the selection window, 0 to 2.
      - id: block_state
        type: s4
        enum: block_state
        doc: |
          The seed's first `?? // Blocked character?`. The official database server writes
          1 when the character may log in and 0 while it is blocked (its block time has not
          passed), and the client stores it as `m_nCharacterBlock[slot]`. Rhisis and Hellion
          always write 1 (their comment calls it the selected character).
      - id: map_id
        -orig-id: mapId
        type: u4
        doc: World (map) the character is in (`dwWorldID`).
      - id: model_id
        -orig-id: modelId
        type: u4
        enum: flyff_enums::model_id
        doc: Player model (`m_dwIndex`), 0x0B + gender.
      - id: name
        -orig-id: name
        type: flyff_string
        doc: Character name.
      - id: pos_x
        -orig-id: posX
        type: f4
        doc: Position in the world, x.
      - id: pos_y
        -orig-id: posY
        type: f4
        doc: Position in the world, y (height).
      - id: pos_z
        -orig-id: posZ
        type: f4
        doc: Position in the world, z.
      - id: character_id
        -orig-id: characterId
        type: u4
        doc: Player id of the character (`m_idPlayer`).
      - id: party_id
        -orig-id: partyId
        type: u4
        doc: Party the character belongs to, 0 for none.
      - id: guild_id
        -orig-id: guildId
        type: u4
        doc: Guild the character belongs to, 0 for none.
      - id: war_id
        -orig-id: warId
        type: u4
        doc: Guild war the character takes part in, 0 for none.
      - id: skin_set_id
        -orig-id: skinSetId
        type: u4
        doc: Skin set (`m_dwSkinSet`).
      - id: hair_id
        -orig-id: hairId
        type: u4
        doc: Hair model (`m_dwHairMesh`).
      - id: hair_color
        -orig-id: hairColor
        type: u4
        doc: Hair colour as a 32-bit colour value (`m_dwHairColor`).
      - id: face_id
        -orig-id: faceId
        type: u4
        doc: Face (head) model (`m_dwHeadMesh`).
      - id: gender
        -orig-id: gender
        type: u1
        enum: flyff_enums::gender
        doc: Gender, one byte (`GetSex()`).
      - id: job
        -orig-id: classId
        type: s4
        enum: flyff_enums::job
        doc: Job (class) of the character (`m_nJob`).
      - id: level
        -orig-id: level
        type: s4
        doc: Character level (`m_nLevel`).
      - id: job_level
        type: u4
        -pkttools-default: 0
        doc: |
          The seed's second `?? // Job level ? (Master or hero ?)`. The official database
          server writes `(DWORD)0` and the client reads it into `dwJobLv` and ignores it; Rhisis
          and Hellion write 0 too, and so does building when it is not given.
      - id: strength
        -orig-id: strength
        type: s4
        doc: Strength (`m_nStr`).
      - id: stamina
        -orig-id: stamina
        type: s4
        doc: Stamina (`m_nSta`).
      - id: dexterity
        -orig-id: dexterity
        type: s4
        doc: Dexterity (`m_nDex`).
      - id: intelligence
        -orig-id: intelligence
        type: s4
        doc: Intelligence (`m_nInt`).
      - id: mode
        type: u4
        enum: character_mode
        -pkttools-default: none
        doc: |
          The seed's third `?? // Mode ?`: the character's mode flags (`m_dwMode`). The official
          database server sends 0, or `EVENT_OLDBOY_MODE` for a returning player; Rhisis and
          Hellion send 0, and so does building when it is not given.
      - id: num_items
        -orig-id: itemCount
        type: s4
        valid:
          min: 0
        doc: |
          Number of equipped item ids that follow. The official server counts the equipped,
          unexpired items; Rhisis the inventory items in slots above 42 (the equipment slots);
          Hellion all of the character's items.
      - id: item_ids
        -orig-id: itemId
        type: u4
        repeat: expr
        repeat-expr: num_items
        doc: Item ids of the equipped items (`m_dwItemId`), which the client draws on the model.
  messenger:
    doc: |
      The messenger (friend list) state of one character: the official `__RT_1025` layout,
      `CRTMessenger::Serialize` preceded by the slot. The seed leaves this as a TODO.
    seq:
      - id: slot
        type: u1
        doc: Slot of the character this entry belongs to (`BYTE`).
      - id: state
        type: u4
        enum: messenger_state
        doc: The character's own messenger state (`m_dwState`).
      - id: num_friends
        type: s4
        valid:
          min: 0
        doc: Number of friends that follow (the client accepts at most 200, `MAX_FRIEND`).
      - id: friends
        type: friend
        repeat: expr
        repeat-expr: num_friends
        doc: The character's messenger friends.
  friend:
    doc: One messenger friend (`u_long` id, then the `Friend` struct).
    seq:
      - id: friend_id
        type: u4
        doc: Player id of the friend.
      - id: blocked
        type: s4
        doc: Nonzero when the character blocks this friend (`BOOL bBlock`).
      - id: state
        type: u4
        enum: messenger_state
        doc: The friend's messenger state (`DWORD dwState`).
enums:
  block_state:
    0:
      id: blocked
      doc: The character is blocked; it cannot log in until its block time has passed.
    1:
      id: usable
      doc: The character may log in.
  character_mode:
    0:
      id: none
      doc: No mode flag set.
    0x10000:
      id: event_oldboy
      -orig-id: EVENT_OLDBOY_MODE
      doc: A returning player (the database's `last_connect` is 3).
  messenger_state:
    0:
      id: online
      -orig-id: FRS_ONLINE
      doc: Playing.
    1:
      id: offline
      -orig-id: FRS_OFFLINE
      doc: Logged off.
    2:
      id: block
      -orig-id: FRS_BLOCK
      doc: Set by the player; blocking.
    3:
      id: absent
      -orig-id: FRS_ABSENT
      doc: Set by the player; away.
    4:
      id: hard_play
      -orig-id: FRS_HARDPLAY
      doc: Set by the player; levelling hard.
    5:
      id: eat
      -orig-id: FRS_EAT
      doc: Set by the player; eating.
    6:
      id: rest
      -orig-id: FRS_REST
      doc: Set by the player; resting.
    7:
      id: move
      -orig-id: FRS_MOVE
      doc: Set by the player; moving.
    8:
      id: die
      -orig-id: FRS_DIE
      doc: Automatic; dead.
    9:
      id: danger
      -orig-id: FRS_DANGER
      doc: Automatic; in danger.
    10:
      id: offline_block
      -orig-id: FRS_OFFLINEBLOCK
      doc: Logged off and blocked.
    11:
      id: auto_absent
      -orig-id: FRS_AUTOABSENT
      doc: Automatic; away after idling.
