namespace Qedu.Registry.Writes;

/// <summary>Messages of the record write API (RecordWriteText.resx: Chinese; RecordWriteText.en.resx: English).</summary>
internal sealed class RecordWriteText;
