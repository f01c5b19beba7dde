import { createPortier, displayName, effectiveStatus, selectUsers } from '@portier/core';
import { createMemoryBackend } from '@portier/adapters';

const portier = createPortier({ backend: createMemoryBackend({ persist: true }) });
const status = document.getElementById('status')!;
const body = document.getElementById('users')!;

portier.subscribe((state) => {
  status.textContent = state.status === 'ready' ? `${Object.keys(state.data.users).length} users` : state.status;
  body.replaceChildren(
    ...selectUsers(state).map((user) => {
      const row = document.createElement('tr');
      for (const text of [user.email, displayName(user), user.role, effectiveStatus(user, state.now)]) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    }),
  );
});
