meta:
  id: flyff_cluster_client_00f4_create_character
  title: Cluster client 0xF4 create character
  application: FlyFF (Fly For Fun)
  license: GPL-3.0-only
  ks-version: '0.11'
  imports:
    - ../../common/string
    - ../../common/enums
  endian: le
-orig-id: CreateCharacter
doc: |
  Asks the cluster server to create a character in a free slot. The server answers with the
  updated character list (server 0xF3), or an error.

  Seed: `ClusterHeaders.Incoming.CreateCharacter (0xF4)`; official source:
  `PACKETTYPE_CREATE_PLAYER`, written by `CDPLoginClient::SendCreatePlayer`.

  The seed and the wire disagree on `slot`: the seed lists `[int] slot` (4 bytes), but the
  official client writes `BYTE nSlot` and Rhisis and Hellion read one byte (`ReadByte`,
  `Read<byte>`). This spec reads one byte, as real clients send it; read as the seed says, every
  field after the slot would be misplaced by three bytes.

  `bank_password` exists from version 15 on (`__2ND_PASSWORD_SYSTEM`); every source here has
  it.
doc-ref:
  - https://github.com/ImranJagari/Hellion/blob/master/doc/packets/Cluster.md
  - https://github.com/ImranJagari/Hellion/blob/master/src/Hellion.Cluster/Client/ClusterClient.Incoming.cs
  - https://github.com/Eastrall/Rhisis/blob/main/src/Rhisis.Game/Protocol/Packets/Cluster/Client/CreatePlayerPacket.cs
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/Neuz/DPLoginClient.cpp
seq:
  - id: username
    -orig-id: username
    type: flyff_string
    doc: Account name.
  - id: password
    -orig-id: password
    type: flyff_string
    doc: Account password as the client stores it.
  - id: slot
    -orig-id: slot
    type: u1
    doc: |
      Character slot, 0 to 2. The seed says `[int]`; the official client writes one byte
      (`BYTE nSlot`) and Rhisis and Hellion read one byte, so the spec reads one byte.
  - id: name
    -orig-id: characterName
    type: flyff_string
    doc: Name of the new character (the official client logs an error beyond 16 bytes).
  - id: face_id
    -orig-id: faceId
    type: u1
    doc: Face chosen in the creation window (`nFace`).
  - id: costume_id
    -orig-id: costumeId
    type: u1
    doc: Costume (`nCostume`); Rhisis notes FlyFF does not use it.
  - id: skin_set_id
    -orig-id: skinSetId
    type: u1
    doc: Skin set (`nSkinSet`); Rhisis notes FlyFF does not use it.
  - id: hair_mesh_id
    -orig-id: hairMeshId
    type: u1
    doc: Hair model (`nHairMesh`).
  - id: hair_color
    -orig-id: hairColor
    type: u4
    doc: Hair colour as a 32-bit colour value (`DWORD dwHairColor`).
  - id: gender
    -orig-id: gender
    type: u1
    enum: flyff_enums::gender
    doc: Gender of the character (`nSex`).
  - id: job
    -orig-id: job
    type: u1
    enum: flyff_enums::job
    doc: Starting job (`nJob`); new characters start as vagrants.
  - id: head_mesh_id
    -orig-id: headMeshId
    type: u1
    doc: Head (face) model (`nHeadMesh`).
  - id: bank_password
    -orig-id: bankPassword
    type: s4
    doc: |
      The character's second password (bank / login-protect PIN, `int nBankPW`), version 15
      and later.
  - id: auth_key
    -orig-id: authKey
    type: u4
    doc: The session key of the character list request, echoed.
