"""Claims, proofs and the kernel that checks them; one procedure per property; numeric refutation."""
