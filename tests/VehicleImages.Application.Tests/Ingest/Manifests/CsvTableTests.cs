using VehicleImages.Application.Ingest.Manifests;

namespace VehicleImages.Application.Tests.Ingest.Manifests;

public sealed class CsvTableTests
{
    [Fact]
    public void Each_record_after_the_header_maps_column_names_to_values()
    {
        var records = Read("file,make,model\na.jpg,Jaguar,F-PACE\nb.jpg,Ford,Focus\n");

        Assert.Equal(2, records.Count);
        Assert.Equal("a.jpg", records[0].Fields["file"]);
        Assert.Equal("Jaguar", records[0].Fields["make"]);
        Assert.Equal("F-PACE", records[0].Fields["model"]);
        Assert.Equal("Focus", records[1].Fields["model"]);
    }

    [Fact]
    public void Records_carry_their_line_numbers_counting_the_header_as_line_one()
    {
        var records = Read("file\na.jpg\nb.jpg\n");

        Assert.Equal([2, 3], records.Select(record => record.Line));
    }

    [Fact]
    public void Quoted_fields_may_contain_commas()
    {
        var records = Read("file,colour\na.jpg,\"Red, metallic\"\n");

        Assert.Equal("Red, metallic", records[0].Fields["colour"]);
    }

    [Fact]
    public void Doubled_quotes_inside_quotes_are_one_quote()
    {
        var records = Read("file,trim\na.jpg,\"2.0 \"\"Sport\"\" pack\"\n");

        Assert.Equal("2.0 \"Sport\" pack", records[0].Fields["trim"]);
    }

    [Fact]
    public void A_quoted_field_that_is_only_an_escaped_quote_is_one_quote()
    {
        var records = Read("file,note\na.jpg,\"\"\"\"\n");

        Assert.Equal("\"", records[0].Fields["note"]);
    }

    [Fact]
    public void Quoted_fields_may_contain_line_breaks()
    {
        var records = Read("file,note\na.jpg,\"first line\nsecond line\"\n");

        Assert.Equal("first line\nsecond line", records[0].Fields["note"]);
    }

    [Fact]
    public void A_record_spanning_lines_is_numbered_by_its_first_line()
    {
        var records = Read("file,note\na.jpg,\"one\ntwo\nthree\"\nb.jpg,plain\n");

        Assert.Equal(2, records[0].Line);
    }

    [Fact]
    public void Line_breaks_inside_quotes_still_count_towards_later_line_numbers()
    {
        var records = Read("file,note\na.jpg,\"one\ntwo\nthree\"\nb.jpg,plain\n");

        Assert.Equal(5, records[1].Line);
    }

    [Fact]
    public void Crlf_line_endings_leave_no_carriage_return_in_the_values()
    {
        var records = Read("file,make\r\na.jpg,Jaguar\r\nb.jpg,Ford\r\n");

        Assert.Equal(["Jaguar", "Ford"], records.Select(record => record.Fields["make"]));
        Assert.Equal([2, 3], records.Select(record => record.Line));
    }

    [Fact]
    public void Crlf_and_lf_endings_may_be_mixed()
    {
        var records = Read("file,make\r\na.jpg,Jaguar\nb.jpg,Ford\r\n");

        Assert.Equal(["Jaguar", "Ford"], records.Select(record => record.Fields["make"]));
    }

    [Fact]
    public void The_last_record_needs_no_line_ending()
    {
        var records = Read("file,make\na.jpg,Jaguar");

        Assert.Equal("Jaguar", Assert.Single(records).Fields["make"]);
    }

    [Fact]
    public void A_utf8_byte_order_mark_before_the_header_is_not_part_of_the_first_column_name()
    {
        var records = Read("\uFEFFfile,make\na.jpg,Jaguar\n");

        Assert.Equal("a.jpg", records[0].Fields["file"]);
    }

    [Fact]
    public void A_byte_order_mark_before_a_quoted_header_does_not_hide_the_quotes()
    {
        var records = Read("\uFEFF\"file\",make\na.jpg,Jaguar\n");

        Assert.Equal("a.jpg", records[0].Fields["file"]);
    }

    [Fact]
    public void A_utf8_byte_order_mark_in_a_stream_is_not_part_of_the_first_column_name()
    {
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes("file,make\na.jpg,Jaguar\n")).ToArray();
        using var reader = new StreamReader(new MemoryStream(bytes));

        var records = CsvTable.Read(reader).ToList();

        Assert.Equal("a.jpg", records[0].Fields["file"]);
    }

    [Fact]
    public void Blank_lines_are_skipped()
    {
        var records = Read("file,make\n\na.jpg,Jaguar\n\r\n\nb.jpg,Ford\n\n");

        Assert.Equal(["a.jpg", "b.jpg"], records.Select(record => record.Fields["file"]));
    }

    [Fact]
    public void Blank_lines_still_count_towards_line_numbers()
    {
        var records = Read("file,make\n\na.jpg,Jaguar\n");

        Assert.Equal(3, Assert.Single(records).Line);
    }

    [Fact]
    public void Missing_trailing_fields_are_empty()
    {
        var records = Read("file,make,model\na.jpg,Jaguar\n");

        Assert.Equal("", records[0].Fields["model"]);
    }

    [Fact]
    public void A_trailing_comma_gives_an_empty_last_field()
    {
        var records = Read("file,make\na.jpg,");

        Assert.Equal("", Assert.Single(records).Fields["make"]);
    }

    [Fact]
    public void Fields_beyond_the_header_are_ignored()
    {
        var records = Read("file,make\na.jpg,Jaguar,surplus,more\n");

        Assert.Equal(["file", "make"], records[0].Fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Jaguar", records[0].Fields["make"]);
    }

    [Fact]
    public void Header_names_are_trimmed()
    {
        var records = Read(" file ,  make\na.jpg,Jaguar\n");

        Assert.Equal("a.jpg", records[0].Fields["file"]);
        Assert.Equal("Jaguar", records[0].Fields["make"]);
    }

    [Fact]
    public void Column_lookup_ignores_case()
    {
        var records = Read("File,MAKE\na.jpg,Jaguar\n");

        Assert.Equal("a.jpg", records[0].Fields["file"]);
        Assert.Equal("Jaguar", records[0].Fields["Make"]);
    }

    [Fact]
    public void Values_are_not_trimmed()
    {
        var records = Read("file,make\na.jpg, Jaguar \n");

        Assert.Equal(" Jaguar ", records[0].Fields["make"]);
    }

    [Fact]
    public void Empty_input_yields_no_records()
    {
        Assert.Empty(Read(""));
    }

    [Fact]
    public void A_header_alone_yields_no_records()
    {
        Assert.Empty(Read("file,make,model\n"));
    }

    [Fact]
    public void A_null_reader_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => CsvTable.Read(null!).ToList());
    }

    private static List<(int Line, IReadOnlyDictionary<string, string> Fields)> Read(string text)
    {
        using var reader = new StringReader(text);
        return [.. CsvTable.Read(reader)];
    }
}
