using CommunityService.LoadTest;

// dotnet run -c Release --project tools/loadtest -- --base https://127.0.0.1:5443 --journal j.tsv --stats s.json
try
{
    var options = LoadOptions.Parse(args);
    return await LoadRun.RunAsync(options);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}
