// The sandbox page's only script (served from the sandbox itself; the Content-Security-Policy allows no other).
// It sends what a member does (commands, autocomplete, buttons, selects, modals, poll votes) to the sandbox, which
// delivers it to the bot through the Discord emulator, and refreshes the page's server-rendered parts when the
// emulator reports a change (Server-Sent Events). Text from the bot is never turned into markup here: the server
// escapes it, and everything this script builds is made with textContent.
'use strict';

(() => {
  const body = document.body;
  const channel = body.dataset.channel;
  const actor = body.dataset.as;
  const messages = document.getElementById('messages');
  const statusLine = document.getElementById('composer-status');

  const setStatus = (text, isProblem) => {
    if (!statusLine) return;
    statusLine.textContent = text || '';
    statusLine.classList.toggle('problem', Boolean(isProblem));
  };

  async function post(url, payload) {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
      });
      const answer = await response.json().catch(() => ({}));
      if (!response.ok && !answer.problem) answer.problem = `The sandbox answered ${response.status}.`;
      return answer;
    } catch {
      return { problem: 'The sandbox is not answering (stopped?).' };
    }
  }

  // ---- Live updates ----------------------------------------------------------------------------------------------

  const paint = (root) => {
    root.querySelectorAll('.embed[data-color]').forEach((embed) => {
      if (embed.dataset.color) embed.style.borderLeftColor = embed.dataset.color;
    });
  };

  const nearBottom = () => messages.scrollHeight - messages.scrollTop - messages.clientHeight < 80;
  let refreshing = false;
  let again = false;

  async function refresh() {
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = true;
    try {
      const response = await fetch(`/view?channel=${encodeURIComponent(channel)}&as=${encodeURIComponent(actor)}`);
      if (response.ok) {
        const view = await response.json();
        const stick = nearBottom();
        document.getElementById('channels').innerHTML = view.channels;
        messages.innerHTML = view.messages;
        paint(messages);
        if (stick) messages.scrollTop = messages.scrollHeight;
        body.dataset.version = String(view.version);
      }
    } finally {
      refreshing = false;
      if (again) {
        again = false;
        refresh();
      }
    }
  }

  paint(messages);
  messages.scrollTop = messages.scrollHeight;
  const events = new EventSource(`/events?after=${encodeURIComponent(body.dataset.version || '-1')}`);
  events.addEventListener('change', () => refresh());
  window.addEventListener('beforeunload', () => events.close());

  // ---- Modals ------------------------------------------------------------------------------------------------------

  const dialog = document.getElementById('modal');

  function openModal(modal, messageId) {
    dialog.replaceChildren();
    const form = document.createElement('form');
    form.method = 'dialog';
    const title = document.createElement('h2');
    title.id = 'modal-title';
    title.textContent = modal.title || '';
    form.append(title);
    const inputs = [];
    const addInput = (input, labelText, description) => {
      if (!input || input.type !== 4) return;
      const label = document.createElement('label');
      label.className = 'modal-field';
      const name = document.createElement('span');
      name.textContent = labelText || input.label || input.custom_id;
      label.append(name);
      if (description) {
        const small = document.createElement('small');
        small.textContent = description;
        label.append(small);
      }
      const field = document.createElement(input.style === 2 ? 'textarea' : 'input');
      field.name = input.custom_id;
      if (input.value) field.value = input.value;
      if (input.placeholder) field.placeholder = input.placeholder;
      if (input.required !== false) field.required = true;
      if (input.min_length) field.minLength = input.min_length;
      if (input.max_length) field.maxLength = input.max_length;
      label.append(field);
      form.append(label);
      inputs.push(field);
    };
    for (const component of modal.components || []) {
      if (component.type === 18) addInput(component.component, component.label, component.description);
      if (component.type === 1) (component.components || []).forEach((child) => addInput(child, child.label));
    }
    const row = document.createElement('div');
    row.className = 'modal-buttons';
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'button style-2';
    cancel.textContent = 'Cancel';
    cancel.addEventListener('click', () => dialog.close());
    const submit = document.createElement('button');
    submit.type = 'submit';
    submit.className = 'button style-1';
    submit.textContent = 'Submit';
    row.append(cancel, submit);
    form.append(row);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const fields = {};
      inputs.forEach((field) => { fields[field.name] = field.value; });
      submit.disabled = true;
      const answer = await post('/api/modal', { as: actor, channel, message: messageId || null, customId: modal.custom_id, fields });
      submit.disabled = false;
      dialog.close();
      handle(answer);
    });
    dialog.append(form);
    dialog.showModal();
  }

  function handle(answer, messageId) {
    if (answer.problem) setStatus(answer.problem, true);
    else setStatus('');
    if (answer.modal) openModal(answer.modal, messageId);
  }

  // ---- Buttons, selects and polls on messages ----------------------------------------------------------------------

  async function component(messageId, customId, type, values) {
    setStatus('…');
    const answer = await post('/api/component', { as: actor, channel, message: messageId, customId, type, values });
    handle(answer, messageId);
  }

  document.addEventListener('click', async (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const message = target.closest('[data-message]');
    const button = target.closest('button[data-custom-id]');
    if (button && message) {
      button.disabled = true;
      await component(message.dataset.message, button.dataset.customId, Number(button.dataset.componentType), null);
      return;
    }
    const apply = target.closest('button.apply-select');
    if (apply && message) {
      const select = apply.parentElement.querySelector('select');
      const values = Array.from(select.selectedOptions).map((o) => o.value).filter((v) => v !== '');
      await component(message.dataset.message, select.dataset.customId, Number(select.dataset.componentType), values);
      return;
    }
    const answerButton = target.closest('button[data-poll-answer]');
    if (answerButton && message) {
      const poll = answerButton.closest('.poll');
      const id = Number(answerButton.dataset.pollAnswer);
      const chosen = Array.from(poll.querySelectorAll('button.chosen')).map((b) => Number(b.dataset.pollAnswer));
      let answers;
      if (poll.dataset.multiselect === 'true') answers = chosen.includes(id) ? chosen.filter((a) => a !== id) : chosen.concat(id);
      else answers = chosen.includes(id) ? [] : [id];
      const answer = await post('/api/vote', { as: actor, channel, message: message.dataset.message, answers });
      handle(answer);
    }
  });

  document.addEventListener('change', async (event) => {
    const select = event.target instanceof HTMLSelectElement ? event.target : null;
    if (!select || !select.dataset.customId || select.multiple) return;
    const message = select.closest('[data-message]');
    if (!message) return;
    await component(message.dataset.message, select.dataset.customId, Number(select.dataset.componentType), select.value ? [select.value] : []);
  });

  // ---- Time controls -----------------------------------------------------------------------------------------------

  const advance = document.getElementById('advance');
  if (advance) {
    advance.addEventListener('click', async () => {
      advance.disabled = true;
      setStatus('Running the next step…');
      const answer = await post('/api/advance', { track: advance.dataset.track, channel });
      advance.disabled = false;
      handle(answer);
    });
  }

  const autoplay = document.getElementById('autoplay');
  if (autoplay) {
    autoplay.addEventListener('change', async () => {
      const answer = await post('/api/autoplay', { seconds: Number(autoplay.value) });
      handle(answer);
    });
  }

  // Every handler is in place: tells whoever waits on the page (a browser test, say) that it can be used.
  body.dataset.ready = 'true';

  // ---- The slash-command composer ----------------------------------------------------------------------------------

  const composer = document.getElementById('composer');
  const picker = document.getElementById('command');
  const optionsBox = document.getElementById('command-options');
  if (!composer || !picker) return;

  let catalogue = { commands: [], channels: [], members: [], roles: [] };
  fetch('/api/commands').then((r) => r.json()).then((c) => { catalogue = c; render(); }).catch(() => setStatus('Could not read the bot\'s commands.', true));

  const current = () => catalogue.commands.find((c) => c.path === picker.value);

  function values() {
    const result = {};
    optionsBox.querySelectorAll('[data-option]').forEach((field) => {
      if (field.value !== '') result[field.dataset.option] = field.value;
    });
    return result;
  }

  function choiceSelect(items, placeholder) {
    const select = document.createElement('select');
    const empty = document.createElement('option');
    empty.value = '';
    empty.textContent = placeholder;
    select.append(empty);
    for (const item of items) {
      const option = document.createElement('option');
      option.value = String(item.value);
      option.textContent = item.name;
      select.append(option);
    }
    return select;
  }

  let suggestTimer = 0;
  let suggestSeq = 0;

  function suggestions(field, list, command) {
    field.addEventListener('input', () => {
      clearTimeout(suggestTimer);
      suggestTimer = setTimeout(async () => {
        const seq = ++suggestSeq;
        const current = values();
        current[field.dataset.option] = field.value;
        const answer = await post('/api/suggest', { as: actor, channel, path: command.path, values: current, focused: field.dataset.option });
        if (seq !== suggestSeq) return;
        list.replaceChildren();
        for (const choice of answer.choices || []) {
          const item = document.createElement('li');
          const pick = document.createElement('button');
          pick.type = 'button';
          pick.className = 'suggestion';
          pick.textContent = choice.name;
          pick.addEventListener('click', () => {
            field.value = choice.value;
            list.replaceChildren();
            field.focus();
          });
          item.append(pick);
          list.append(item);
        }
      }, 250);
    });
  }

  function render() {
    optionsBox.replaceChildren();
    const command = current();
    if (!command) return;
    for (const option of command.options || []) {
      if (option.type === 1 || option.type === 2) continue;
      const wrapper = document.createElement('label');
      wrapper.className = 'command-option';
      const name = document.createElement('span');
      name.className = 'option-name';
      name.textContent = option.name + (option.required ? ' *' : '');
      wrapper.append(name);
      let field;
      if (option.choices && option.choices.length) field = choiceSelect(option.choices, option.description || '');
      else if (option.type === 5) field = choiceSelect([{ name: 'True', value: 'True' }, { name: 'False', value: 'False' }], option.description || '');
      else if (option.type === 7) field = choiceSelect(catalogue.channels.map((c) => ({ name: '#' + c.name, value: c.id })), option.description || '');
      else if (option.type === 6) field = choiceSelect(catalogue.members.map((m) => ({ name: m.name, value: m.id })), option.description || '');
      else if (option.type === 8) field = choiceSelect(catalogue.roles.map((r) => ({ name: '@' + r.name, value: r.id })), option.description || '');
      else if (option.type === 9) field = choiceSelect(catalogue.members.map((m) => ({ name: m.name, value: m.id })).concat(catalogue.roles.map((r) => ({ name: '@' + r.name, value: r.id }))), option.description || '');
      else {
        field = document.createElement('input');
        field.type = option.type === 4 || option.type === 10 ? 'number' : 'text';
        if (option.type === 4) field.step = '1';
        if (option.min_value !== undefined) field.min = option.min_value;
        if (option.max_value !== undefined) field.max = option.max_value;
        if (option.max_length) field.maxLength = option.max_length;
        field.placeholder = option.description || '';
      }
      field.dataset.option = option.name;
      field.setAttribute('aria-label', option.name);
      field.title = option.description || '';
      wrapper.append(field);
      if (option.autocomplete) {
        const list = document.createElement('ul');
        list.className = 'suggestions';
        list.setAttribute('aria-label', `Suggestions for ${option.name}`);
        wrapper.append(list);
        suggestions(field, list, command);
      }
      optionsBox.append(wrapper);
    }
  }

  picker.addEventListener('change', () => { setStatus(''); render(); });

  composer.addEventListener('submit', async (event) => {
    event.preventDefault();
    const command = current();
    if (!command) {
      setStatus('Choose a command first.', true);
      return;
    }
    const send = document.getElementById('send');
    send.disabled = true;
    setStatus(`Sending /${command.path}…`);
    const answer = await post('/api/command', { as: actor, channel, path: command.path, values: values() });
    send.disabled = false;
    handle(answer);
    if (!answer.problem) render();
  });
})();
