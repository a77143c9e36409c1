using System.Text.RegularExpressions;

namespace CommunityService.UnitTests.Architecture;

/// <summary>
/// Blanks what is not code in C# and Razor text. Blanked characters become spaces and line breaks stay, so an offset in the
/// result is an offset in the original text and gives the same line number.
/// </summary>
internal static partial class SourceText
{
    /// <summary>
    /// C# text twice: <c>Code</c> with its comments blanked (<c>//</c>, <c>///</c> doc comments with their <c>cref</c>s, <c>/* */</c>),
    /// string and character literals kept; <c>Bare</c> with the contents of the literals blanked as well, except the code
    /// in the holes of interpolated strings.
    /// </summary>
    public static (string Code, string Bare) BlankCSharp(string text)
    {
        var lexer = new CSharpLexer(text);
        lexer.ScanCode(inHole: false);
        return (new string(lexer.Code), new string(lexer.Bare));
    }

    /// <summary>Razor text with its <c>@* … *@</c> comments blanked.</summary>
    public static string BlankRazorComments(string text) => RazorComment().Replace(text, m => Blank(m.Value));

    /// <summary>The offsets at which the lines of a text start, for <see cref="LineOf"/>.</summary>
    public static int[] LineStarts(string text) =>
        [0, .. text.Select((c, index) => (c, index)).Where(x => x.c == '\n').Select(x => x.index + 1)];

    /// <summary>The 1-based line of an offset, given the text's <see cref="LineStarts"/>.</summary>
    public static int LineOf(int[] lineStarts, int index)
    {
        var found = Array.BinarySearch(lineStarts, index);
        return found >= 0 ? found + 1 : ~found;
    }

    private static string Blank(string text) => string.Concat(text.Select(c => c is '\n' or '\r' ? c : ' '));

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    /// <summary>
    /// A small C# lexer that knows comments, character literals and string literals (regular, verbatim, raw, interpolated with
    /// any number of <c>$</c>), which is what it takes to tell a comment from a <c>//</c> inside a string.
    /// </summary>
    private sealed class CSharpLexer(string text)
    {
        private int i;

        public char[] Code { get; } = text.ToCharArray();

        public char[] Bare { get; } = text.ToCharArray();

        /// <summary>Scans code; in the hole of an interpolated string, stops at the <c>}</c> that closes the hole (not consumed).</summary>
        public void ScanCode(bool inHole)
        {
            var depth = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '/' && At(i + 1) == '/')
                {
                    var end = text.IndexOf('\n', i);
                    BlankComment(end < 0 ? text.Length : end);
                }
                else if (c == '/' && At(i + 1) == '*')
                {
                    var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    BlankComment(end < 0 ? text.Length : end + 2);
                }
                else if (c == '\'')
                {
                    ScanCharacter();
                }
                else if (StringStart() is { } start)
                {
                    ScanString(start.Dollars, start.Verbatim, start.Quote);
                }
                else if (c == '{')
                {
                    depth++;
                    i++;
                }
                else if (c == '}')
                {
                    if (inHole && depth == 0)
                    {
                        return;
                    }
                    depth--;
                    i++;
                }
                else
                {
                    i++;
                }
            }
        }

        private char At(int index) => index < text.Length ? text[index] : '\0';

        private int Run(int index, char c)
        {
            var end = index;
            while (At(end) == c)
            {
                end++;
            }
            return end - index;
        }

        private void BlankComment(int end)
        {
            for (; i < end; i++)
            {
                if (text[i] is not ('\n' or '\r'))
                {
                    Code[i] = ' ';
                    Bare[i] = ' ';
                }
            }
        }

        private void BlankLiteral(int from, int count)
        {
            for (var k = from; k < from + count && k < text.Length; k++)
            {
                if (text[k] is not ('\n' or '\r'))
                {
                    Bare[k] = ' ';
                }
            }
        }

        /// <summary>At a string's prefix (<c>"</c>, <c>@"</c>, <c>$"</c>, <c>$@"</c>, <c>@$"</c>, <c>$$"""</c>…): its dollars, whether verbatim, and where its quotes start.</summary>
        private (int Dollars, bool Verbatim, int Quote)? StringStart()
        {
            var k = i;
            var dollars = 0;
            var verbatim = false;
            while (At(k) is '$' or '@')
            {
                dollars += At(k) == '$' ? 1 : 0;
                verbatim |= At(k) == '@';
                k++;
            }
            return At(k) == '"' ? (dollars, verbatim, k) : null;
        }

        private void ScanCharacter()
        {
            var k = i + 1;
            while (k < text.Length && text[k] is not ('\'' or '\n'))
            {
                k += text[k] == '\\' ? 2 : 1;
            }
            BlankLiteral(i + 1, k - i - 1);
            i = Math.Min(k + 1, text.Length);
        }

        private void ScanString(int dollars, bool verbatim, int quote)
        {
            var quotes = Run(quote, '"');
            if (!verbatim && quotes >= 3)
            {
                ScanRawString(dollars, quote + quotes, quotes);
                return;
            }
            var k = quote + 1;
            while (k < text.Length)
            {
                var c = text[k];
                if (!verbatim && c == '\\')
                {
                    BlankLiteral(k, 2);
                    k += 2;
                }
                else if (verbatim && c == '"' && At(k + 1) == '"')
                {
                    BlankLiteral(k, 2);
                    k += 2;
                }
                else if (c == '"' || (!verbatim && c == '\n'))
                {
                    k++;
                    break;
                }
                else if (dollars > 0 && c is '{' or '}' && At(k + 1) == c)
                {
                    BlankLiteral(k, 2);
                    k += 2;
                }
                else if (dollars > 0 && c == '{')
                {
                    k = ScanHole(k + 1, 1);
                }
                else
                {
                    BlankLiteral(k, 1);
                    k++;
                }
            }
            i = Math.Min(k, text.Length);
        }

        private void ScanRawString(int dollars, int k, int quotes)
        {
            while (k < text.Length)
            {
                var c = text[k];
                var run = Run(k, c);
                if (c == '"' && run >= quotes)
                {
                    k += run;
                    break;
                }
                if (dollars > 0 && c == '{' && run >= dollars)
                {
                    BlankLiteral(k, run - dollars);
                    k = ScanHole(k + run, dollars);
                }
                else
                {
                    BlankLiteral(k, run);
                    k += run;
                }
            }
            i = Math.Min(k, text.Length);
        }

        /// <summary>Scans the code of a hole from <paramref name="k"/>; returns the offset after its closing braces.</summary>
        private int ScanHole(int k, int braces)
        {
            i = k;
            ScanCode(inHole: true);
            return i + Math.Min(braces, Run(i, '}'));
        }
    }
}
