namespace Qedu.Registry.Records;

/// <summary>Messages of registry records, their files and imports (RecordText.resx: Chinese; RecordText.en.resx: English).</summary>
internal sealed class RecordText;
