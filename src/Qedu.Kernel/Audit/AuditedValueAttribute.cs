namespace Qedu.Kernel.Audit;

/// <summary>
/// Marks a property whose old and new values the audit log records when it changes ("State: Draft → Active"); other
/// properties are recorded by name only. Only for values that are neither personal data nor secrets: states, names of
/// units and accounts, flags, dates, org unit ids.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditedValueAttribute : Attribute;
