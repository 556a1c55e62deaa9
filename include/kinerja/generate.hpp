// kinerja: synthetic datasets of national scale (kinerja generate). Filled in by the generator work.
#pragma once
