import type { Locator, Page } from 'playwright-core';

/**
 * Picks the option holding `text` in an antd Select (typing `typed` to search, as a person does; '' for a Select without search) and checks that
 * the choice shows on the field. A search that answers late re-renders the list under the click, which then selects
 * nothing; a person looks, sees the field still empty and picks again, and so does this (at most three times): in
 * the list still open, or in the list opened again.
 * `select` is the field's input (getByLabel) or any element inside the Select.
 */
export async function pickOption(page: Page, select: Locator, text: string, typed = text): Promise<void> {
  // a list still closing (rc-motion's leave classes: after Escape, or the pick before) is not open: an option
  // clicked in it goes away under the click (seen: the cart's hospital picked right after its list was audited)
  const open = page.locator('.ant-select-dropdown:visible:not([class*="-leave"])');
  const closing = page.locator('.ant-select-dropdown:visible[class*="-leave"]');
  const shown = page.locator('.ant-select-dropdown:visible');
  const root = select.locator(
    "xpath=ancestor-or-self::*[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]",
  );
  const chosen = root.getByText(text);
  for (let attempt = 0; attempt < 3 && (await chosen.count()) === 0; attempt++) {
    if ((await open.count()) === 0) {
      await closing.first().waitFor({ state: 'hidden' });
      await select.click();
      await open.first().waitFor();
      if (typed) await page.keyboard.type(typed);
    }
    await open.locator('.ant-select-item-option', { hasText: text }).first().click();
    // the choice shows on the field once the page has taken it (a state, not a pause)
    await chosen
      .first()
      .waitFor({ timeout: 5_000 })
      .catch(() => undefined);
  }
  await chosen.first().waitFor();
  // a single Select closes its list once the choice is taken (a state, waited for): clicking anything to close
  // it could land under a dialog still over the drawer behind it
  const multiple = await root.evaluate((el) => el.classList.contains('ant-select-multiple'));
  if (!multiple) {
    await shown.first().waitFor({ state: 'hidden' });
    return;
  }
  // a multiple Select keeps its list open: in a dialog, close it by clicking the title of the dialog on top (a
  // modal over a drawer: the modal's), never by Escape (which closes the dialog itself once the list has gone);
  // on a page, Escape closes the list
  if (await open.count()) {
    const modal = page.locator('.ant-modal-title:visible');
    const title = (await modal.count()) ? modal.last() : page.locator('.ant-drawer-title:visible').last();
    if (await title.count()) await title.click();
    else await page.keyboard.press('Escape');
  }
  await shown.first().waitFor({ state: 'hidden' });
}

/** pickOption on the Select a person finds by its label: `typed` narrows it when given (none by default). */
export async function pickByLabel(page: Page, label: string, text: string, typed = ''): Promise<void> {
  await pickOption(page, page.getByLabel(label, { exact: true }), text, typed);
}

/**
 * The antd dialog now open, once it has finished zooming in: a click on a button still moving can land
 * where the button was a frame before (seen on a loaded machine: the confirm dialog stayed open, its OK
 * never pressed). rc-motion takes its `ant-zoom-*` classes off the dialog when the motion ends.
 */
export async function settledDialog(page: Page): Promise<Locator> {
  const dialog = page.locator('.ant-modal:visible');
  await page.locator('.ant-modal:visible:not([class*="ant-zoom"])').waitFor();
  return dialog;
}
