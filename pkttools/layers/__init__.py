"""Game layers: decrypt and decompress a game's traffic before framing, and encrypt it back.
"""
