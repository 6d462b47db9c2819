// Calendar dates as decimal years, and how much of a time step a date window covers.
#pragma once

namespace gapsim {

struct Date {
  int year = 0;
  int month = 1;  // 1..12
  int day = 1;    // 1..days in month
};

bool is_valid_date(const Date& date);

// Decimal year at 00:00 of `date`: year + (day_of_year - 1) / days_in_year.
double decimal_year(const Date& date);

// Decimal year at the end of `date` (00:00 of the following day).
double decimal_year_end(const Date& date);

// Fraction in [0, 1] of the step [t, t + dt) that lies inside the window [from, to).
double overlap_fraction(double t, double dt, double from, double to);

}  // namespace gapsim
