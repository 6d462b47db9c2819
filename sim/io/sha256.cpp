// SHA-256 through OpenSSL's EVP interface (libssl-dev), so digests match sha256sum.
#include "io/sha256.hpp"

#include <openssl/evp.h>

#include <cstdio>

namespace gapsim {

std::string sha256_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr);
  std::string hex;
  char byte[3];
  for (unsigned int i = 0; i < length; ++i) {
    std::snprintf(byte, sizeof byte, "%02x", digest[i]);
    hex += byte;
  }
  return hex;
}

}  // namespace gapsim
