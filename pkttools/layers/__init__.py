"""Game layers: decrypt and decompress a game's traffic before framing, and encrypt it
back. One module per game: a Session per connection, with a decrypt/encrypt pair per direction."""
