// SHA-256 through OpenSSL's EVP interface (libssl-dev), so digests match sha256sum.
#include "io/sha256.hpp"

#include <openssl/evp.h>

#include <string_view>

namespace gapsim {

std::string sha256_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr);
  // Two lower-case digits a byte, as sha256sum prints them.
  constexpr std::string_view k_hex_digits = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    hex += k_hex_digits[digest[i] >> 4];
    hex += k_hex_digits[digest[i] & 0xF];
  }
  return hex;
}

}  // namespace gapsim
