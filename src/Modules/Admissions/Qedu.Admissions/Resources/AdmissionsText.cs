namespace Qedu.Admissions.Resources;

/// <summary>Marker for the enrolment module's strings (AdmissionsText.resx: Chinese; AdmissionsText.en.resx: English).</summary>
public sealed class AdmissionsText;
