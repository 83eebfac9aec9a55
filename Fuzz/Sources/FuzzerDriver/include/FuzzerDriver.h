// Nothing to import: this target only supplies the program's entry point (see FuzzerDriver.c).
