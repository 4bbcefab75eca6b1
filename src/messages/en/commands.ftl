# What the commands say when they finish (src/cmd/).

count-reports = { $count ->
    [one] 1 report
   *[other] { $count } reports
    }
