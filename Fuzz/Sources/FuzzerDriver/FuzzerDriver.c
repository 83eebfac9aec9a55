// The program's entry point in a debug build.
//
// In debug builds on Linux, SwiftPM links an executable target with
// `--defsym main=<Module>_main` (so that tests can link the module), and the Swift
// compiler, with -parse-as-library, emits no such symbol. libFuzzer's own `main` is
// then never used, so this supplies `OnestopFuzzer_main` and hands control to
// libFuzzer's driver, exactly as its `main` would. (In a release build SwiftPM does not
// rename `main`: libFuzzer's `main` runs and this function is unused.)
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int OnestopFuzzer_main(int argc, char **argv) {
  return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
