"""Many packets in a byte stream: the splitter that frames a stream by its stream spec, the
items it yields (every byte once), and frames built to send."""
