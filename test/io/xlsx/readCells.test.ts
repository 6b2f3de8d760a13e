/**
 * Cell helpers: exceljs value shapes (as exceljs hands them over) to text / number / date / error, dates as clerks
 * type them, and the merged-range map.
 */
import { cellData, cellIsoDate, MergeMap, parseDateText, parseRangeRef, serialToDate, toIsoDate } from '../../../src/io/xlsx/cells';

describe('cellData', () => {
  it('joins rich text runs and takes a hyperlink cell by its text', () => {
    expect(cellData({ richText: [{ text: '株洲岳峰' }, { text: '硬质合金有限公司' }] }).text).toBe('株洲岳峰硬质合金有限公司');
    expect(cellData({ text: 'yyxxk@example.cn', hyperlink: 'mailto:yyxxk@example.cn' }).text).toBe('yyxxk@example.cn');
    expect(cellData({ text: { richText: [{ text: '官网' }] }, hyperlink: 'http://intranet/' }).text).toBe('官网');
  });

  it('uses a formula’s cached result and flags a formula without one', () => {
    expect(cellData({ formula: 'ROW()-3', result: 2 })).toMatchObject({ num: 2, text: '2', formula: true, missingResult: false });
    expect(cellData({ sharedFormula: 'A4', result: '湖南' })).toMatchObject({ text: '湖南', formula: true });
    expect(cellData({ formula: '1/0', result: { error: '#DIV/0!' } })).toMatchObject({ error: '#DIV/0!', text: '#DIV/0!' });
    expect(cellData({ formula: 'ROW()-2' })).toMatchObject({ text: '', formula: true, missingResult: true });
  });

  it('keeps error cells as their code and notes a percent format', () => {
    expect(cellData({ error: '#REF!' })).toMatchObject({ error: '#REF!', text: '#REF!', num: null });
    expect(cellData(0.85, '0%')).toMatchObject({ num: 0.85, percent: true });
    expect(cellData(0.1 + 0.2).text).toBe('0.3');
  });
});

describe('dates', () => {
  it.each([
    ['2024年12月10日', '2024-12-10'],
    ['日期：2024年12月9日', '2024-12-09'],
    ['2024-1-5', '2024-01-05'],
    ['2024/11/20', '2024-11-20'],
    ['２０２４．１２．１６', '2024-12-16'],
    ['20241210', '2024-12-10'],
    ['二〇二四年十二月十日', '2024-12-10'],
    ['二〇二四年十一月二十五日', '2024-11-25'],
    ['2024年2月30日', null],
    ['待定', null],
  ])('%s → %s', (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it('converts serial numbers in the 1900 and 1904 systems', () => {
    expect(toIsoDate(serialToDate(45616)!)).toBe('2024-11-20');
    expect(toIsoDate(serialToDate(45616 - 1462, true)!)).toBe('2024-11-20');
    expect(serialToDate(12)).toBeNull();
    expect(cellIsoDate(cellData(20241210))).toBe('2024-12-10');
    expect(cellIsoDate(cellData(new Date(Date.UTC(2024, 11, 1))))).toBe('2024-12-01');
  });
});

describe('MergeMap', () => {
  it('answers which range covers a cell', () => {
    const map = new MergeMap([parseRangeRef('A1:G1')!, parseRangeRef('$C$5:$C$6')!, parseRangeRef('A10:B30000')!]);
    expect(map.at(1, 7)).toEqual({ top: 1, left: 1, bottom: 1, right: 7 });
    expect(map.at(6, 3)).toEqual({ top: 5, left: 3, bottom: 6, right: 3 });
    expect(map.at(6, 4)).toBeUndefined();
    expect(map.at(20000, 2)).toEqual({ top: 10, left: 1, bottom: 30000, right: 2 });
  });
});
