// Date arithmetic for event windows.
#include "model/calendar.hpp"

#include <algorithm>

namespace gapsim {
namespace {

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : k_days[month - 1];
}

int day_of_year(const Date& date) {
  int day = date.day;
  for (int m = 1; m < date.month; ++m) {
    day += days_in_month(date.year, m);
  }
  return day;
}

}  // namespace

bool is_valid_date(const Date& date) {
  return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= days_in_month(date.year, date.month);
}

double decimal_year(const Date& date) {
  return date.year + (day_of_year(date) - 1) / (is_leap(date.year) ? 366.0 : 365.0);
}

double decimal_year_end(const Date& date) {
  return date.year + day_of_year(date) / (is_leap(date.year) ? 366.0 : 365.0);
}

double overlap_fraction(double t, double dt, double from, double to) {
  double covered = std::min(t + dt, to) - std::max(t, from);
  return std::clamp(covered / dt, 0.0, 1.0);
}

}  // namespace gapsim
