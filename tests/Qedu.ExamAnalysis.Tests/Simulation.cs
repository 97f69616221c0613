namespace Qedu.ExamAnalysis.Tests;

/// <summary>A simulated cohort with known school effects.</summary>
internal sealed record Cohort(
    List<ValueAddedStudent> Students,
    Dictionary<int, double> TrueEffects,
    Dictionary<int, double> RawMeans);

/// <summary>Deterministic data generators for the value-added tests (seeded, no global randomness).</summary>
internal static class Simulation
{
    /// <summary>Standard normal deviate by the Box–Muller transform (System.Random has no normal generator).</summary>
    public static double Gaussian(Random rng)
    {
        double u1 = 1 - rng.NextDouble(); // (0, 1]: keeps Log finite
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>
    /// current = 50 + 0.8·prior + flagCoefficient·flag + u_j + e, u_j ~ N(0, effectSd²), e ~ N(0, noiseSd²),
    /// prior ~ N(500 + shift_j, 80²). The intake shift is large (SD 60) and negatively related to u_j, so schools
    /// with weaker intakes tend to add more value and raw mean scores rank schools almost the wrong way round.
    /// School keys are sparse and students are shuffled, so nothing relies on grouping or contiguous keys.
    /// </summary>
    public static Cohort Generate(
        int seed,
        int schools = 60,
        int minSize = 20,
        int maxSize = 200,
        double effectSd = 4,
        double noiseSd = 30,
        double? flagCoefficient = null)
    {
        var rng = new Random(seed);
        var students = new List<ValueAddedStudent>();
        var effects = new Dictionary<int, double>();
        var sums = new Dictionary<int, double>();
        for (int j = 0; j < schools; j++)
        {
            int key = 1000 + (7 * j);
            double u = effectSd * Gaussian(rng);
            double shift = (60 * Gaussian(rng)) - (3 * u);
            int size = rng.Next(minSize, maxSize + 1);

            // The flag rate rises with intake, so ignoring the flag would bias the slope and the effects.
            double flagRate = Math.Clamp(0.3 + (shift / 200), 0.05, 0.6);
            effects[key] = u;
            double sum = 0;
            for (int i = 0; i < size; i++)
            {
                double prior = 500 + shift + (80 * Gaussian(rng));
                double current = 50 + (0.8 * prior) + u + (noiseSd * Gaussian(rng));
                double[]? covariates = null;
                if (flagCoefficient is double c)
                {
                    double flag = rng.NextDouble() < flagRate ? 1 : 0;
                    current += c * flag;
                    covariates = [flag];
                }

                sum += current;
                students.Add(new ValueAddedStudent(key, prior, current, covariates));
            }

            sums[key] = sum / size;
        }

        // Fisher–Yates shuffle with the same seeded generator.
        for (int i = students.Count - 1; i > 0; i--)
        {
            int k = rng.Next(i + 1);
            (students[i], students[k]) = (students[k], students[i]);
        }

        return new Cohort(students, effects, sums);
    }

    public static double Correlation(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        double ma = a.Average();
        double mb = b.Average();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.Count; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }

        return sab / Math.Sqrt(saa * sbb);
    }
}
