"""Verification of closure by video (核查): look again at the site, capture proof, pass or fail."""
