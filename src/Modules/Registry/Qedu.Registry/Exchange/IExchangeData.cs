namespace Qedu.Registry.Exchange;

// The exchange shape of a registry record (each kind's own, in Kinds/): what the change feed serves and what a mirror applies. The names are the
// entities' own (camelCase in JSON), with the record's school as a code (org unit ids are local to an instance) and its
// revision. Records that hold personal data say whether it was masked; a mirror refuses masked data.

/// <summary>What every exchange shape has: the id, the school's code, and whether personal data in it was masked.</summary>
internal interface IExchangeData
{
    long Id { get; }
    string OrgCode { get; }
    bool Masked => false;
}
