# Generates the table of runs in en/tour/4-fit-your-runs.md and zh/tour/4-fit-your-runs.md:
# illustrative runs whose loss is Hoffmann et al. 2022's fit (arXiv:2203.15556, eq. 10:
# E = 1.69, A = 406.4, B = 410.7, alpha = 0.34, beta = 0.28), rounded to 3 decimals,
# so that fitting the table gives those constants back. Plain Python 3 (no libraries).
E, A, B, alpha, beta = 1.69, 406.4, 410.7, 0.34, 0.28
runs = [(n, d) for n in (7e7, 2.5e8, 1e9, 4e9) for d in (2e9, 2e10, 2e11)]
print('| N (params) | D (tokens) | loss |')
print('|---:|---:|---:|')
for n, d in runs:
    print(f'| {n:.2g} | {d:.2g} | {E + A / n**alpha + B / d**beta:.3f} |'.replace('e+0', 'e').replace('e+', 'e'))
