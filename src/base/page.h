// Page<T>: one page of a longer list, with the total count of the whole list.
#pragma once

#include <cstdint>
#include <vector>

namespace fazhi {

template <typename T>
struct Page {
  std::vector<T> items;
  int64_t total = 0;
  bool total_capped = false;  // the whole list was counted only up to total
};

}  // namespace fazhi
