// Not compiled: fit may see the model only through model/attack_trend.hpp, so this include
// of the engine must be refused by the layering check.
#pragma once

#include "fit/trend_fit.hpp"
#include "model/attack_trend.hpp"
#include "model/engine.hpp"
