// The nocode command. Thin layer over the library: parse arguments, call,
// print. Exit codes: 0 ok, 1 bad input, 2 usage error.
#include <cstdio>

int main(int argc, char** argv) {
  (void)argc;
  (void)argv;
  std::fprintf(stderr, "nocode: not implemented yet\n");
  return 2;
}
