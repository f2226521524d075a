"""Text handling shared by the stages: decoding, normalising, sentences, repair."""
