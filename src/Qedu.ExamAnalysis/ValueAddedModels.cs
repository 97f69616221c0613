namespace Qedu.ExamAnalysis;

/// <summary>One student's input to the value-added model.</summary>
/// <param name="School">Key of the student's school; any integer that identifies the school.</param>
/// <param name="Prior">The student's prior attainment (e.g. intake exam score).</param>
/// <param name="Current">The student's current exam score, in the score points the effects are reported in.</param>
/// <param name="Covariates">
/// Optional student-level covariates (e.g. 0/1 flags). Either null for every student or of the same length for
/// every student; their coefficients are reported in the same order.
/// </param>
public sealed record ValueAddedStudent(int School, double Prior, double Current, IReadOnlyList<double>? Covariates = null);

/// <summary>Options of the value-added model.</summary>
/// <param name="MinStudents">
/// Schools with fewer students than this are still estimated but flagged with <see cref="SchoolEffect.TooFew"/>,
/// because their estimate is mostly shrinkage and should not be published as a ranking.
/// </param>
/// <param name="Confidence">Coverage of the reported interval for each school effect, strictly between 0 and 1.</param>
public sealed record ValueAddedOptions(int MinStudents = 10, double Confidence = 0.95);

/// <summary>The estimated value-added model and the effect of each school.</summary>
/// <param name="Schools">One entry per school, ordered by school key.</param>
/// <param name="Students">Number of students used.</param>
/// <param name="Intercept">Estimated fixed intercept b0 (expected current score at prior 0 and all covariates 0).</param>
/// <param name="Slope">Estimated coefficient b1 of the prior score.</param>
/// <param name="CovariateCoefficients">Estimated coefficient of each covariate, in input order; empty without covariates.</param>
/// <param name="WithinVariance">Estimated within-school (student-level) residual variance σ².</param>
/// <param name="BetweenVariance">Estimated between-school variance τ² of the school effects; 0 if the data show none.</param>
public sealed record ValueAddedResult(
    IReadOnlyList<SchoolEffect> Schools,
    int Students,
    double Intercept,
    double Slope,
    IReadOnlyList<double> CovariateCoefficients,
    double WithinVariance,
    double BetweenVariance);

/// <summary>The value-added (school effect) of one school, in score points.</summary>
/// <param name="School">The school key.</param>
/// <param name="Students">Number of the school's students used.</param>
/// <param name="Effect">
/// Shrunken (empirical-Bayes) school effect: how many score points the school's students score above (positive) or
/// below (negative) students with the same prior attainment and covariates in an average school.
/// </param>
/// <param name="Lower">Lower end of the interval for the effect at the requested confidence.</param>
/// <param name="Upper">Upper end of the interval for the effect at the requested confidence.</param>
/// <param name="TooFew">True when the school has fewer students than <see cref="ValueAddedOptions.MinStudents"/>.</param>
public sealed record SchoolEffect(int School, int Students, double Effect, double Lower, double Upper, bool TooFew);
