using CollectifLive.JoinCodes;

namespace CollectifLive.Domain.Tests;

public class TextAndCodeTests
{
    [Theory]
    [InlineData("  bonjour  ", false, "bonjour")]
    [InlineData("a\r\nb", true, "a\nb")]
    [InlineData("a\nb", false, "a b")]
    [InlineData("a\tb\u0000c", true, "a bc")]
    [InlineData(null, true, "")]
    public void Typed_text_is_cleaned_before_it_is_measured(string? typed, bool multiline, string expected) =>
        Assert.Equal(expected, Text.Clean(typed, multiline));

    [Fact]
    public void Decomposed_accents_count_as_one_character() =>
        Assert.Equal("é".Length, Text.Clean("e\u0301", multiline: false).Length);

    [Theory]
    [InlineData("abc234", "ABC234")]
    [InlineData(" ABC-234 ", "ABC234")]
    [InlineData("abc 234", "ABC234")]
    public void Codes_are_read_whatever_the_case_and_separators(string typed, string expected) =>
        Assert.Equal(expected, JoinCode.Normalize(typed));

    [Theory]
    [InlineData("ABC23")]
    [InlineData("ABC2345")]
    [InlineData("ABC0DE")]
    [InlineData("ABCODE")]
    [InlineData("ABC1DE")]
    [InlineData("ABCIDE")]
    [InlineData("ABC<>E")]
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_codes_are_not_codes(string? typed) => Assert.Null(JoinCode.Normalize(typed));

    [Fact]
    public void New_codes_use_only_unambiguous_symbols()
    {
        for (var i = 0; i < 200; i++)
        {
            var code = JoinCode.NewCode();
            Assert.Equal(JoinCode.Length, code.Length);
            Assert.Equal(code, JoinCode.Normalize(code));
            Assert.DoesNotContain(code, c => c is '0' or 'O' or '1' or 'I');
        }
    }

    [Fact]
    public void Codes_are_shown_in_two_groups() => Assert.Equal("ABC 234", JoinCode.Display("ABC234"));
}
