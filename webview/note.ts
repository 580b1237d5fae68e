// The side view's line about the note: what it follows, the values it took, and the
// write-back and insert actions.
import type { NoteContext } from '../src/protocol/messages';
import type { Lang } from '../src/sections/types';
import { formatNoteNumber } from '../src/engine/format';
import { ui } from './strings';

export interface NoteActions {
  writeBack(): void;
  insertChart(): void;
}

export function renderNote(noteEl: HTMLElement, note: NoteContext | undefined, lang: Lang, actions: NoteActions): void {
  noteEl.hidden = false;
  noteEl.replaceChildren();
  const summary = document.createElement('p');
  if (note) {
    const follows = note.source === 'formula' ? ui('followsFormula', lang) : ui('followsHeading', lang);
    const code = document.createElement('code');
    code.textContent = note.label;
    summary.append(follows, code);
    noteEl.append(summary);
    if (note.values.length > 0) {
      const values = document.createElement('p');
      values.className = 'note-values-list';
      values.textContent = `${ui('noteValues', lang)}${note.values.map((v) => `${v.label} = ${formatNoteNumber(v.value)} (${ui('line', lang, v.line)})`).join(', ')}`;
      noteEl.append(values);
    }
  } else {
    summary.textContent = ui('noNote', lang);
    noteEl.append(summary);
  }
  const bar = document.createElement('div');
  bar.className = 'note-actions';
  const writeBack = document.createElement('vscode-button');
  writeBack.id = 'write-back';
  writeBack.textContent = ui('writeBack', lang);
  if (!note?.canWriteBack) writeBack.setAttribute('disabled', '');
  writeBack.addEventListener('click', () => actions.writeBack());
  const insert = document.createElement('vscode-button');
  insert.id = 'insert-chart';
  insert.setAttribute('secondary', '');
  insert.textContent = ui('insertChart', lang);
  if (!note) insert.setAttribute('disabled', '');
  insert.addEventListener('click', () => actions.insertChart());
  bar.append(writeBack, insert);
  noteEl.append(bar);
}
