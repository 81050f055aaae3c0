meta:
  id: flyff_cluster_client_00f5_delete_character
  title: Cluster client 0xF5 delete character
  application: FlyFF (Fly For Fun)
  license: GPL-3.0-only
  ks-version: '0.11'
  imports:
    - ../../common/string
  endian: le
-orig-id: DeleteCharacter
doc: |
  Asks the cluster server to delete a character. The server answers with the updated character
  list (server 0xF3), or an error.

  Seed: `ClusterHeaders.Incoming.DeleteCharacter (0xF5)`; official source:
  `PACKETTYPE_DEL_PLAYER`, written by `CDPLoginClient::SendDeletePlayer` and read by the
  database server's `CDbManager::RemovePlayer`.

  The seed ends with `auth_key`, and Rhisis and Hellion read no further. The official v15
  client (built with `__RT_1025`, the messenger) then appends the character's messenger friends:
  a count and that many player ids, which the database server reads to remove the friendships.
  `messenger` parses them when they are present and is absent when the packet ends after
  `auth_key`, as the seed has it.
doc-ref:
  - https://github.com/ImranJagari/Hellion/blob/master/doc/packets/Cluster.md
  - https://github.com/ImranJagari/Hellion/blob/master/src/Hellion.Cluster/Client/ClusterClient.Incoming.cs
  - https://github.com/Eastrall/Rhisis/blob/main/src/Rhisis.Game/Protocol/Packets/Cluster/Client/DeletePlayerPacket.cs
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/Neuz/DPLoginClient.cpp
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/_Database/DbManager.cpp
seq:
  - id: username
    -orig-id: username
    type: flyff_string
    doc: Account name.
  - id: password
    -orig-id: password
    type: flyff_string
    doc: Account password as the client stores it.
  - id: password_verification
    -orig-id: passwordVerification
    type: flyff_string
    doc: |
      The deletion key the player typed. The official client sends it MD5-hashed
      (`GetDeleteKey`); Hellion compares it with the password.
  - id: character_id
    -orig-id: characterId
    type: u4
    doc: Id of the character to delete (`m_idPlayer`).
  - id: auth_key
    -orig-id: authKey
    type: u4
    doc: The session key of the character list request, echoed.
  - id: messenger
    type: messenger_friends
    if: not _io.eof
    doc: |
      The character's messenger friends, sent by the official v15 client only (not in the
      seed); absent when the packet ends after `auth_key`.
types:
  messenger_friends:
    doc: The ids of the deleted character's messenger friends (official client, `__RT_1025`).
    seq:
      - id: num_friend_ids
        type: u4
        doc: |
          Number of friend ids; the client writes the `size_t` size of its friend map
          (4 bytes, unsigned, in the 32-bit client).
      - id: friend_ids
        type: u4
        repeat: expr
        repeat-expr: num_friend_ids
        doc: Player ids of the friends (`u_long`).
